import { type LocalDate, parseEnvelope, WAYBILL_TOPIC } from '@railbill/contracts';
import { chongqingDuisburgBill, type ServiceHarness } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';
import { testCarrier } from './carrier.ts';

/** An instant on `date` whose local date in Chongqing (UTC+8) is `date` too (docs/shipments.md conventions). */
export const instantOn = (date: LocalDate, hourUtc = 2): string =>
  `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

type WaybillStep = Readonly<{ type: string; data: unknown; time?: string }>;

/**
 * The waybill events letter-of-credit consumes, published (signed by a test carrier) as the waybill service would,
 * and the credit events it published in answer.
 */
export const waybillEvents = ({
  parties,
  publish,
  recorded,
}: Pick<ServiceHarness, 'parties' | 'publish' | 'recorded'>) => {
  const versions = new Map<string, number>();
  /** The carrier's key: bills are published signed, as the waybill service does (docs/ucp600.md §4). */
  const carrierKey = testCarrier();
  /** Publishes waybill events as the waybill service's relay would, numbering each bill's sequence. */
  const publishWaybill = async (waybillId: string, steps: readonly WaybillStep[]) => {
    for (const step of steps) {
      const version = (versions.get(waybillId) ?? 0) + 1;
      versions.set(waybillId, version);
      await publish(WAYBILL_TOPIC, {
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
    recorded.flatMap((r) => {
      const parsed = parseEnvelope(r.value);
      if (!parsed.ok || (creditId !== undefined && parsed.event.envelope.subject !== creditId)) return [];
      return [{ ...parsed.event, key: r.key }];
    });

  return { publishWaybill, billLife, lcEvents, testCarrier };
};
