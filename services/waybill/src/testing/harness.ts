import { CUSTOMS_TOPIC, LC_TOPIC } from '@railbill/contracts';
import { type BuiltService, buildService, createIdempotentProducer } from '@railbill/platform';
import {
  type CastMember,
  createTestTopics,
  injectAs,
  makeParties,
  newDatabaseUrl,
  publishEvent,
  serviceEnv,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import type { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { loadWaybillConfig } from '../config.ts';
import { waybillService } from '../service.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The waybill service in-process on the real broker and PostgreSQL, with a producer for other services' events. */
export const startHarness = async (databaseServerUrl: string, kafkaBrokers: string, env: NodeJS.ProcessEnv = {}) => {
  const parties = makeParties();
  const prefix = testPrefix();
  const kafka = testKafka(kafkaBrokers);
  await createTestTopics(kafka, [`${prefix}${CUSTOMS_TOPIC}`, `${prefix}${LC_TOPIC}`]);
  const service: BuiltService = await buildService(
    waybillService(
      loadWaybillConfig({
        ...serviceEnv({
          databaseUrl: newDatabaseUrl(databaseServerUrl, 'waybill'),
          kafkaBrokers,
          partiesFile: parties.file,
          prefix,
        }),
        ...env,
      }),
    ),
  );
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();
  const { app } = service;

  const call = injectAs(app, parties);

  const declarations = new Map<string, { id: string; version: number }>();
  /** Publishes a customs event for the bill's declaration of `type`, as customs-clearance would. */
  const customs = async (waybillId: string, type: 'export' | 'transit' | 'import', status: string, office: string) => {
    const key = `${waybillId}:${type}`;
    const d = declarations.get(key) ?? { id: uuidv7(), version: 0 };
    d.version += 1;
    declarations.set(key, d);
    const at = new Date().toISOString();
    return publishEvent(producer, `${prefix}${CUSTOMS_TOPIC}`, {
      type: status === 'released' ? 'customs.released' : 'customs.accepted',
      subject: d.id,
      version: d.version,
      correlationId: waybillId,
      data: { waybillId, declarationType: type, office, status, at, reason: 'test' },
    });
  };

  /** Publishes `lc.paid` for the bill, as letter-of-credit would (docs/contract.md §4). */
  const lcPaid = async (
    waybillId: string,
    creditNumber: string,
    bank: CastMember,
    applicant: CastMember,
    amount: string,
  ) =>
    publishEvent(producer, `${prefix}${LC_TOPIC}`, {
      type: 'lc.paid',
      subject: uuidv7(),
      version: 9,
      correlationId: waybillId,
      data: {
        creditNumber,
        presentationId: uuidv7(),
        waybillId,
        amount: { amount, currency: 'USD' },
        applicant: parties.id(applicant),
        bank: parties.id(bank),
        paidBy: parties.id(bank),
      },
    });

  const credits = new Map<string, { id: string; version: number }>();
  /** Publishes one event of the credit `creditNumber`, in order (a credit id and sequence kept per number). */
  const lcEvent = (type: string, creditNumber: string, data: Record<string, unknown>) => {
    const c = credits.get(creditNumber) ?? { id: uuidv7(), version: 0 };
    c.version += 1;
    credits.set(creditNumber, c);
    return publishEvent(producer, `${prefix}${LC_TOPIC}`, {
      type,
      subject: c.id,
      version: c.version,
      correlationId: c.id,
      data: { creditNumber, ...data },
    });
  };

  /** `lc.documents_forwarded` (docs/title.md): the nominated bank's documents go to the issuing bank. */
  const lcForwarded = (waybillId: string, creditNumber: string, from: CastMember, to: CastMember) =>
    lcEvent('lc.documents_forwarded', creditNumber, {
      presentationId: uuidv7(),
      waybillId,
      from: parties.id(from),
      to: parties.id(to),
      by: parties.id(from),
    });

  /** `lc.paid` paid by `bank`, on the same credit stream as `lcForwarded`. */
  const lcPaidBy = (waybillId: string, creditNumber: string, bank: CastMember, applicant: CastMember) =>
    lcEvent('lc.paid', creditNumber, {
      presentationId: uuidv7(),
      waybillId,
      amount: { amount: '1248000.00', currency: 'USD' },
      applicant: parties.id(applicant),
      bank: parties.id(bank),
      paidBy: parties.id(bank),
    });

  const stop = async () => {
    await producer.disconnect();
    await service.stop();
  };
  return {
    parties,
    prefix,
    service,
    app,
    call,
    customs,
    lcPaid,
    lcEvent,
    lcForwarded,
    lcPaidBy,
    stop,
    db: service.deps.db,
  };
};

/** Instants on a timeline that ends just before now (docs/contract.md §8: a milestone may not be in the future). */
export const daysAgo = (days: number, hour = 2): string => {
  const d = new Date(Date.now() - days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
