import { assertNever } from '../decision.ts';
import {
  applyWaybillChanges,
  contentAfterInstruction,
  type Pledge,
  type WaybillEvent,
  type WaybillMilestoneRecorded,
} from '../events/waybill.ts';
import type { WaybillContent } from '../events/waybill-content.ts';
import { evolveTitle, isEntitled } from './title.ts';

/** An Ed25519 public key as a JWK (RFC 8037): what `waybill.issued` / `waybill.amended` carry as `carrierKey`. */
export type CarrierJwk = Readonly<{ kty: string; crv: string; x: string }>;

/** The carrier's signature of the bill as published with its events (docs/ucp600.md §4). */
export type BillSignature = Readonly<{ jws: string; keyId: string | null; carrierKey: CarrierJwk | null }>;

export type BillStatus = 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';

/**
 * What any consumer of `waybill.events.v1` may know of a bill: a pure fold, no I/O, the one every service and the
 * console use (a service keeps at most a mapping of it). The title is folded by title.ts.
 */
export type BillSummary = Readonly<{
  waybillId: string;
  status: BillStatus;
  /** Parties, legs, places, goods, value and terms, as submitted and since amended or changed by instruction. */
  content: WaybillContent;
  billNumber: string | null;
  holder: string | null;
  /** The order party (null: a bearer bill, or a straight waybill); docs/title.md. */
  orderOf: string | null;
  pledge: Pledge | null;
  /** When the bill was issued: the time of its `waybill.issued` envelope. */
  issuedAt: string | null;
  /** Every endorsement, special or in blank, in order. */
  endorsements: readonly Readonly<{ from: string; to: string; at: string }>[];
  /** The first `departed` milestone recorded, on any leg. */
  firstDepartureAt: string | null;
  /**
   * The carrier's first dated notation of taking the goods in charge, receiving or dispatching them: the earliest
   * `gate_in`, `loaded` or `departed` on the first leg (UCP 19(a)(ii)/24(a)(ii) date of shipment, docs/ucp600.md).
   */
  firstDeparture: Readonly<{ at: string; location: string }> | null;
  /** The carrier's clauses at issue and with `loaded` milestones (UCP 27). */
  clauses: readonly string[];
  /** The carrier's latest signature (at issue, re-signed on amendment), as published with the event. */
  signature: BillSignature | null;
  updatedAt: string;
}>;

/** The signature a `waybill.issued` / `waybill.amended` event was published with, if any. */
const signatureOf = (
  data: Readonly<{ signature?: string | undefined; keyId?: string | undefined; carrierKey?: CarrierJwk | undefined }>,
): BillSignature | undefined =>
  data.signature === undefined
    ? undefined
    : { jws: data.signature, keyId: data.keyId ?? null, carrierKey: data.carrierKey ?? null };

/** Milestones that are a dated notation of taking in charge, receipt or dispatch (UCP 19(a)(ii), 24(a)(ii)). */
const SHIPMENT_NOTATIONS: ReadonlySet<string> = new Set(['gate_in', 'loaded', 'departed']);

const afterMilestone = (summary: BillSummary, m: WaybillMilestoneRecorded): Partial<BillSummary> => {
  const firstLeg = Math.min(...summary.content.legs.map((l) => l.sequence));
  const shipped = summary.firstDeparture;
  const isShipment = SHIPMENT_NOTATIONS.has(m.event) && m.leg === firstLeg && (shipped === null || m.at < shipped.at);
  const clauses = m.clauses ?? [];
  return {
    ...(m.event === 'departed' && summary.firstDepartureAt === null ? { firstDepartureAt: m.at } : {}),
    ...(isShipment ? { firstDeparture: { at: m.at, location: m.location } } : {}),
    ...(clauses.length === 0 ? {} : { clauses: [...summary.clauses, ...clauses] }),
  };
};

/** Folds one waybill event into the summary; returns undefined while no `waybill.submitted` was seen. */
export const evolveBillSummary = (
  summary: BillSummary | undefined,
  event: WaybillEvent,
  meta: Readonly<{ waybillId: string; time: string }>,
): BillSummary | undefined => {
  if (event.type === 'waybill.submitted') {
    const { submittedBy: _by, warnings: _w, ...content } = event.data;
    return {
      waybillId: meta.waybillId,
      status: 'submitted',
      content,
      billNumber: null,
      holder: null,
      orderOf: null,
      pledge: null,
      issuedAt: null,
      endorsements: [],
      firstDepartureAt: null,
      firstDeparture: null,
      clauses: [],
      signature: null,
      updatedAt: meta.time,
    };
  }
  if (summary === undefined) return undefined;
  const title = evolveTitle(summary, event, summary.content);
  const next = { ...summary, updatedAt: meta.time, holder: title.holder, orderOf: title.orderOf, pledge: title.pledge };
  switch (event.type) {
    case 'waybill.issued':
      return {
        ...next,
        status: 'issued',
        billNumber: event.data.billNumber,
        issuedAt: meta.time,
        signature: signatureOf(event.data) ?? null,
        clauses: [...summary.clauses, ...(event.data.clauses ?? [])],
      };
    case 'waybill.endorsed': {
      const { from, to, at } = event.data;
      return { ...next, endorsements: [...summary.endorsements, { from, to, at }] };
    }
    case 'waybill.transferred':
    case 'waybill.receipt_rejected':
    case 'waybill.pledged':
    case 'waybill.pledge_released':
    case 'waybill.pledge_enforced':
    case 'waybill.instruction_given':
    case 'waybill.instruction_rejected':
      return next;
    case 'waybill.instruction_accepted':
      return { ...next, content: contentAfterInstruction(summary.content, event.data) };
    case 'waybill.milestone_recorded':
      return { ...next, ...afterMilestone(summary, event.data) };
    case 'waybill.amended': {
      const resigned = signatureOf(event.data);
      return {
        ...next,
        content: applyWaybillChanges(summary.content, event.data.changes),
        ...(resigned === undefined ? {} : { signature: resigned }),
      };
    }
    case 'waybill.surrendered':
      return { ...next, status: 'surrendered' };
    case 'waybill.accomplished':
      return { ...next, status: 'accomplished' };
    case 'waybill.voided':
      return { ...next, status: 'void' };
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
      return next;
    default:
      return assertNever(event);
  }
};

/** Folds a bill's events (in order, with their envelope's time); undefined while no `waybill.submitted` was seen. */
export const foldBillSummary = (
  waybillId: string,
  events: readonly Readonly<{ event: WaybillEvent; time: string }>[],
): BillSummary | undefined =>
  events.reduce<BillSummary | undefined>(
    (summary, e) => evolveBillSummary(summary, e.event, { waybillId, time: e.time }),
    undefined,
  );

/** May the bill's holder exercise its rights (lodge the import, surrender)? docs/title.md. */
export const holderIsEntitled = (summary: Pick<BillSummary, 'content' | 'holder' | 'orderOf' | 'pledge'>): boolean =>
  isEntitled(summary.content.type, summary);
