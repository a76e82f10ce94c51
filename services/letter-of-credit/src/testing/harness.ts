import { LC_TOPIC, type LocalDate, parseEnvelope, WAYBILL_TOPIC } from '@railbill/contracts';
import { type BuiltService, buildService, createIdempotentProducer } from '@railbill/platform';
import {
  chongqingDuisburgBill,
  chongqingToday,
  createTestTopics,
  day,
  injectAs,
  makeParties,
  newDatabaseUrl,
  publishEvent,
  recordTopics,
  serviceEnv,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import type { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { loadLetterOfCreditConfig } from '../config.ts';
import { createExpiryJob } from '../jobs/expire-credits.ts';
import { letterOfCreditService } from '../service.ts';
import { testCarrier } from './carrier.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export const TIME_ZONE = 'Asia/Shanghai';

/** Today in the service's zone (the testkit's `day` shifts docs/shipments.md dates around it). */
export const today = chongqingToday;
export { day };
/** An instant on `date` whose local date in Chongqing (UTC+8) is `date` too (docs/shipments.md conventions). */
export const instantOn = (date: LocalDate, hourUtc = 2): string =>
  `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

type WaybillStep = Readonly<{ type: string; data: unknown; time?: string }>;

/**
 * The letter-of-credit service in-process on the real broker and PostgreSQL, with a producer for the waybill events
 * it consumes and a recorder of what it publishes.
 */
export const startHarness = async (databaseServerUrl: string, kafkaBrokers: string) => {
  const parties = makeParties();
  const prefix = testPrefix();
  const kafka = testKafka(kafkaBrokers);
  await createTestTopics(kafka, [`${prefix}${WAYBILL_TOPIC}`, `${prefix}${LC_TOPIC}`]);
  const env = serviceEnv({
    databaseUrl: newDatabaseUrl(databaseServerUrl, 'letter-of-credit'),
    kafkaBrokers,
    partiesFile: parties.file,
    prefix,
  });
  const config = loadLetterOfCreditConfig({ ...env, TIME_ZONE, EXPIRY_CHECK_MS: '3600000' });
  const service: BuiltService = await buildService(letterOfCreditService(config));
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();
  const recorder = await recordTopics(kafka, [`${prefix}${LC_TOPIC}`]);
  const expiry = createExpiryJob({
    ...service.deps,
    handle: { timeZone: TIME_ZONE, parties: service.deps.parties },
    intervalMs: 3_600_000,
  });
  const { app } = service;

  const call = injectAs(app, parties);

  const versions = new Map<string, number>();
  /** The carrier's key: bills are published signed, as the waybill service does (docs/ucp600.md §4). */
  const carrierKey = testCarrier();
  /** Publishes waybill events as the waybill service's relay would, numbering each bill's sequence. */
  const publishWaybill = async (waybillId: string, steps: readonly WaybillStep[]) => {
    for (const step of steps) {
      const version = (versions.get(waybillId) ?? 0) + 1;
      versions.set(waybillId, version);
      await publishEvent(producer, `${prefix}${WAYBILL_TOPIC}`, {
        type: step.type,
        subject: waybillId,
        version,
        data: step.data,
        ...(step.time === undefined ? {} : { time: step.time }),
      });
    }
  };

  /**
   * docs/shipments.md (a)'s bill life as the waybill service reports it: submitted, issued (holder the shipper), first
   * departure at CNCQI on `departedOn`, endorsed to the nominated bank. `at` gives each event's time.
   */
  const billLife = (
    o: Readonly<{
      waybillId: string;
      creditNumber: string;
      departedOn: LocalDate;
      at?: (step: number) => string | undefined;
      /** Another key than the carrier's (a forged or foreign signature). */
      signer?: ReturnType<typeof testCarrier>;
    }>,
  ): WaybillStep[] => {
    const p = parties;
    const billNumber = `SILKRAIL-${uuidv7().slice(-6)}`;
    const key = o.signer ?? carrierKey;
    const signed = key.sign({ waybillId: o.waybillId, billNumber });
    const steps = [
      {
        type: 'waybill.submitted',
        data: {
          ...chongqingDuisburgBill(p, { creditNumber: o.creditNumber }),
          submittedBy: p.id('shipper'),
          warnings: [],
        },
      },
      {
        type: 'waybill.issued',
        data: {
          billNumber,
          issuedBy: p.id('carrier'),
          holder: p.id('shipper'),
          signature: signed.jws,
          keyId: signed.keyId,
          carrierKey: key.jwk,
        },
      },
      {
        type: 'waybill.milestone_recorded',
        data: {
          leg: 1,
          event: 'departed',
          at: instantOn(o.departedOn),
          location: 'CNCQI',
          recordedBy: p.id('carrier'),
        },
      },
      {
        type: 'waybill.endorsed',
        data: { from: p.id('shipper'), to: p.id('nominatedBank'), at: o.at?.(3) ?? new Date().toISOString() },
      },
    ];
    return steps.map((s, i) => {
      const time = o.at?.(i);
      return time === undefined ? s : { ...s, time };
    });
  };

  /** The credit's events this service published, parsed, in order of arrival. */
  const lcEvents = (creditId?: string) =>
    recorder.received.flatMap((r) => {
      const parsed = parseEnvelope(r.value);
      if (!parsed.ok || (creditId !== undefined && parsed.event.envelope.subject !== creditId)) return [];
      return [{ ...parsed.event, key: r.key }];
    });

  const stop = async () => {
    await recorder.stop();
    await producer.disconnect();
    await service.stop();
  };
  return { parties, prefix, service, app, call, publishWaybill, billLife, lcEvents, expiry, stop, testCarrier };
};
