import type { PartyId, WaybillChanges, WaybillContent, WaybillEvent } from '@railbill/contracts';
import { applyWaybillChanges, assertNever } from '@railbill/contracts';
import { addMilestone, type LegTransport, planLegs, toMilestone } from './transport.ts';

export type Endorsement = Readonly<{ from: PartyId; to: PartyId; at: string; causationId?: string }>;

export type AmendmentRequest = Readonly<{
  n: number;
  status: 'requested' | 'granted' | 'rejected';
  changes: WaybillChanges;
  requestedBy: PartyId;
  reason?: string;
}>;

export type BillStatus = 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';

/**
 * A bill once submitted. Only JSON values (STYLE §3 Events): the row cache and the hash chain need byte-stable JSON.
 * The waybill id is not here: no event carries it, it is the stream's id (the document row's).
 */
export type Bill = Readonly<{
  status: BillStatus;
  /** Number of events applied (SPEC §8 `version`). */
  version: number;
  content: WaybillContent;
  submittedBy: PartyId;
  billNumber?: string;
  issuedBy?: PartyId;
  /** Set while issued: exactly one holder (SPEC §3 singularity). */
  holder?: PartyId;
  endorsements: readonly Endorsement[];
  legs: readonly LegTransport[];
  amendmentRequests: readonly AmendmentRequest[];
  warnings: readonly string[];
  firstDepartureAt?: string;
  /** The carrier's clauses at issue and with `loaded` milestones (docs/ucp600.md: UCP 27). */
  clauses?: readonly string[];
  surrenderedBy?: PartyId;
  deliveredTo?: PartyId;
}>;

export type State = Readonly<{ status: 'initial' }> | Bill;

export const initialState: State = { status: 'initial' };

const withoutHolder = ({ holder: _holder, ...bill }: Bill): Bill => bill;

const closeRequest = (
  requests: readonly AmendmentRequest[],
  n: number,
  status: 'granted' | 'rejected',
  reason?: string,
): AmendmentRequest[] =>
  requests.map((r) => (r.n === n ? { ...r, status, ...(reason === undefined ? {} : { reason }) } : r));

const evolveBill = (bill: Bill, event: WaybillEvent): Bill => {
  const next: Bill = { ...bill, version: bill.version + 1 };
  switch (event.type) {
    case 'waybill.submitted':
      return next;
    case 'waybill.issued':
      return {
        ...next,
        status: 'issued',
        billNumber: event.data.billNumber,
        issuedBy: event.data.issuedBy,
        holder: event.data.holder,
        ...(event.data.clauses === undefined ? {} : { clauses: [...event.data.clauses] }),
      };
    case 'waybill.endorsed': {
      const { from, to, at, causationId } = event.data;
      const endorsement = { from, to, at, ...(causationId === undefined ? {} : { causationId }) };
      return { ...next, holder: to, endorsements: [...bill.endorsements, endorsement] };
    }
    case 'waybill.milestone_recorded': {
      const legs = addMilestone(bill.legs, event.data.leg, toMilestone(event.data));
      const departs = event.data.event === 'departed' && bill.firstDepartureAt === undefined;
      const clauses =
        event.data.clauses === undefined ? {} : { clauses: [...(bill.clauses ?? []), ...event.data.clauses] };
      return { ...next, legs, ...(departs ? { firstDepartureAt: event.data.at } : {}), ...clauses };
    }
    case 'waybill.amended': {
      const content = applyWaybillChanges(bill.content, event.data.changes);
      const { request } = event.data;
      return {
        ...next,
        content,
        legs: planLegs(content.legs, bill.legs),
        warnings: event.data.warnings,
        amendmentRequests:
          request === undefined ? bill.amendmentRequests : closeRequest(bill.amendmentRequests, request, 'granted'),
      };
    }
    case 'waybill.amendment_requested': {
      const { n, changes, requestedBy } = event.data;
      return {
        ...next,
        amendmentRequests: [...bill.amendmentRequests, { n, status: 'requested', changes, requestedBy }],
      };
    }
    case 'waybill.amendment_rejected':
      return {
        ...next,
        amendmentRequests: closeRequest(bill.amendmentRequests, event.data.n, 'rejected', event.data.reason),
      };
    case 'waybill.surrendered':
      return { ...withoutHolder(next), status: 'surrendered', surrenderedBy: event.data.surrenderedBy };
    case 'waybill.accomplished':
      return { ...withoutHolder(next), status: 'accomplished', deliveredTo: event.data.deliveredTo };
    case 'waybill.voided':
      return { ...next, status: 'void' };
    default:
      return assertNever(event);
  }
};

const submittedBill = (event: Extract<WaybillEvent, { type: 'waybill.submitted' }>): Bill => {
  const { submittedBy, warnings, ...content } = event.data;
  return {
    status: 'submitted',
    version: 1,
    content,
    submittedBy,
    endorsements: [],
    legs: planLegs(content.legs),
    amendmentRequests: [],
    warnings,
  };
};

/** Applies one event; never validates (that is `decide`'s job). An event before `waybill.submitted` changes nothing. */
export const evolve = (state: State, event: WaybillEvent): State => {
  if (state.status === 'initial') return event.type === 'waybill.submitted' ? submittedBill(event) : state;
  return evolveBill(state, event);
};

export const foldEvents = (events: readonly WaybillEvent[]): State => events.reduce(evolve, initialState);
