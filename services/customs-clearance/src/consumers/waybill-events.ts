import { type BillSummary, evolveBillSummary, Id, isWaybillEvent, type WaybillEvent } from '@railbill/contracts';
import { applyToProjection, eventOfTopic, type MessageHandler, PermanentFailure, Rejected } from '@railbill/platform';
import type { DeclarationFacts, DeclarationHandler } from '../declaration-handler.ts';
import { type BillFacts, transitFor } from '../domain/bill-facts.ts';
import type { LodgeExport, OpenTransit } from '../domain/commands.ts';
import type { Tariff } from '../domain/duties/tariff.ts';
import { BILLS_PROJECTION } from '../store/bills.ts';
import { exportDeclarationId, transitDeclarationId } from './declaration-ids.ts';

/** Who lodges what the service lodges by itself (the `lodgedBy` of exports and transits). */
const SERVICE_PARTY = 'customs-clearance';

type WaybillConsumerDeps = Readonly<{ declarations: DeclarationHandler; tariff: Tariff }>;

type Lodging = Readonly<{
  declarationId: string;
  command: (at: string, facts: DeclarationFacts) => LodgeExport | OpenTransit;
}>;

/** What the event makes the service lodge, if anything (docs/contract.md §5). */
const lodgingFor = (event: WaybillEvent, bill: BillFacts, deps: WaybillConsumerDeps): Lodging | undefined => {
  // the parties' AEO status and the shipper's country, from the handler's facts
  const base = (facts: DeclarationFacts) => ({
    by: SERVICE_PARTY,
    bill,
    aeo: facts.aeo(bill),
    shipperCountry: facts.shipperCountry(bill),
  });
  if (event.type === 'waybill.issued') {
    const declarationId = exportDeclarationId(bill.waybillId);
    return { declarationId, command: (at, facts) => ({ type: 'lodgeExport', declarationId, at, ...base(facts) }) };
  }
  if (event.type !== 'waybill.milestone_recorded' || event.data.event !== 'border_crossed') return undefined;
  const { leg, location: station } = event.data;
  // docs/customs.md: only the crossing into the territory of the place of delivery opens a transit (PLMAA, not CNAKL)
  if (transitFor(bill, station, deps.tariff) === undefined) return undefined;
  const declarationId = transitDeclarationId(bill.waybillId, leg, station);
  return {
    declarationId,
    command: (at, facts) => ({ type: 'openTransit', declarationId, at, leg, station, ...base(facts) }),
  };
};

/**
 * `waybill.events.v1` → the `bills` projection (lodging reads the bill only from these events, docs/contract.md §5), and in the
 * same inbox transaction the declarations the service lodges by itself: the export when a bill is issued, a transit
 * on the `border_crossed` into the destination's customs territory.
 */
export const onWaybillEvent =
  (deps: WaybillConsumerDeps): MessageHandler =>
  async (tx, consumed, ctx) => {
    const event = eventOfTopic(consumed, isWaybillEvent);
    const { envelope } = event;
    if (!Id.safeParse(envelope.subject).success)
      throw new PermanentFailure(`waybill event subject ${envelope.subject} is not a waybill id`);
    const bill = await applyToProjection<BillSummary | null>(tx, {
      name: BILLS_PROJECTION,
      id: envelope.subject,
      sequence: Number(envelope.sequence),
      fold: (facts) =>
        evolveBillSummary(facts ?? undefined, event, { waybillId: envelope.subject, time: envelope.time }) ?? null,
    });
    // undefined: an event at or below the projection's sequence, already applied (a copy under another event id)
    if (bill === undefined) return;
    if (bill === null) {
      if (event.type === 'waybill.issued' || event.type === 'waybill.milestone_recorded')
        throw new PermanentFailure(`${event.type} for a bill whose waybill.submitted was never consumed`);
      return;
    }
    const lodging = lodgingFor(event, bill, deps);
    if (lodging === undefined) return;
    try {
      const handled = await deps.declarations.handleIn(tx, {
        id: lodging.declarationId,
        causationId: envelope.id,
        command: ({ at, facts }) => lodging.command(at, facts),
      });
      ctx.log.info(
        { declarationId: handled.id, waybillId: bill.waybillId, status: handled.state.status },
        'declaration lodged',
      );
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      // the second guard: the declaration id is derived from the bill, so a repeat lodges nothing
      if (error.error.code === 'already-lodged') {
        ctx.log.info({ declarationId: lodging.declarationId }, 'declaration already lodged');
        return;
      }
      // a lost race on a new id: transient, the retry finds it lodged
      if (error.error.code === 'version-conflict') throw error;
      // any other refusal is deterministic: retrying cannot help, so the message goes to the DLQ with the reason
      throw new PermanentFailure(`${error.error.code}: ${error.error.detail}`);
    }
  };
