import type {
  InstructionKind,
  PartyId,
  Pledge,
  Title,
  TitleActKind,
  WaybillChanges,
  WaybillContent,
  WaybillEvent,
} from '@railbill/contracts';
import { applyWaybillChanges, assertNever, contentAfterInstruction, evolveTitle } from '@railbill/contracts';
import { addMilestone, type LegTransport, planLegs, toMilestone } from './transport.ts';

/** One title act in the bill's chain (docs/title.md); `endorsements[]` on the wire. */
export type Endorsement = Readonly<{
  kind: TitleActKind;
  from: PartyId;
  to: PartyId;
  at: string;
  causationId?: string;
}>;

/** The last title act that handed the bill to someone, while nothing else has happened to the title: it may be refused. */
export type Receipt = Readonly<{ kind: TitleActKind; receiver: PartyId; before: Title }>;

export type Instruction = Readonly<{
  n: number;
  kind: InstructionKind;
  status: 'requested' | 'accepted' | 'rejected';
  givenBy: PartyId;
  at: string;
  placeOfDelivery?: string;
  notifyParty?: string;
  reason?: string;
}>;

export type AmendmentRequest = Readonly<{
  n: number;
  status: 'requested' | 'granted' | 'rejected';
  changes: WaybillChanges;
  requestedBy: PartyId;
  reason?: string;
}>;

export type BillStatus = 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';

/**
 * A bill once submitted. Only JSON values (docs/architecture.md §3 Events): the row cache and the hash chain need byte-stable JSON.
 * The waybill id is not here: no event carries it, it is the stream's id (the document row's).
 */
export type Bill = Readonly<{
  status: BillStatus;
  /** Number of events applied (docs/contract.md §8 `version`). */
  version: number;
  content: WaybillContent;
  submittedBy: PartyId;
  billNumber?: string;
  issuedBy?: PartyId;
  /** Set while issued: exactly one holder (docs/contract.md §3 singularity). */
  holder?: PartyId;
  /** The order party: `toOrderOf` at issue, then each special endorsee; null for a bearer bill or a straight waybill. */
  orderOf: PartyId | null;
  pledge: Pledge | null;
  /** The act the receiver may still refuse (docs/title.md "Rejection"); null once anything else happened. */
  receipt: Receipt | null;
  instructions: readonly Instruction[];
  /** An accepted `stop` is in force. */
  stopped: boolean;
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

/** The bill's title in the shape the contracts' fold works on. */
export const titleOf = (bill: Bill): Title => ({
  holder: bill.holder ?? null,
  orderOf: bill.orderOf ?? null,
  pledge: bill.pledge ?? null,
});

const withTitle = (bill: Bill, title: Title): Bill => {
  const { holder: _h, ...rest } = bill;
  return {
    ...rest,
    ...(title.holder === null ? {} : { holder: title.holder }),
    orderOf: title.orderOf,
    pledge: title.pledge,
  };
};

const act = (
  kind: TitleActKind,
  from: PartyId,
  to: PartyId,
  at: string,
  causationId?: string | undefined,
): Endorsement => ({ kind, from, to, at, ...(causationId === undefined ? {} : { causationId }) });

/** The chain entry and the refusable receipt of a title event (docs/title.md). */
const titleAct = (bill: Bill, event: WaybillEvent): { entry?: Endorsement; receipt: Receipt | null } | undefined => {
  const before = titleOf(bill);
  switch (event.type) {
    case 'waybill.transferred': {
      const { from, to, at, causationId } = event.data;
      return { entry: act('transfer', from, to, at, causationId), receipt: { kind: 'transfer', receiver: to, before } };
    }
    case 'waybill.endorsed': {
      const { from, to, at, causationId, blank } = event.data;
      if (blank === true) return { entry: act('blank_endorse', from, to, at, causationId), receipt: null };
      return { entry: act('endorse', from, to, at, causationId), receipt: { kind: 'endorse', receiver: to, before } };
    }
    case 'waybill.pledged': {
      const { pledgor, pledgee, at } = event.data;
      return { entry: act('pledge', pledgor, pledgee, at), receipt: { kind: 'pledge', receiver: pledgee, before } };
    }
    case 'waybill.pledge_released':
      return { entry: act('pledge_release', event.data.pledgee, event.data.pledgor, event.data.at), receipt: null };
    case 'waybill.pledge_enforced':
      return { entry: act('pledge_enforce', event.data.pledgor, event.data.pledgee, event.data.at), receipt: null };
    case 'waybill.receipt_rejected':
      return { entry: act('reject', event.data.rejectedBy, event.data.holder, event.data.at), receipt: null };
    default:
      return undefined;
  }
};

const closeInstruction = (
  instructions: readonly Instruction[],
  n: number,
  status: 'accepted' | 'rejected',
  reason?: string,
): Instruction[] =>
  instructions.map((i) => (i.n === n ? { ...i, status, ...(reason === undefined ? {} : { reason }) } : i));

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
    case 'waybill.issued': {
      const { billNumber, issuedBy, holder } = event.data;
      const issuedBill = withTitle(next, evolveTitle(titleOf(bill), event, bill.content));
      // the issue act is in the chain of a negotiable bill only (a straight waybill has no title to pass); a bill
      // issued before the event carried its time has none
      const issuedAt = event.data.at;
      const chained = bill.content.type === 'bill_of_lading' && issuedAt !== undefined;
      return {
        ...issuedBill,
        status: 'issued',
        billNumber,
        issuedBy,
        ...(event.data.clauses === undefined ? {} : { clauses: [...event.data.clauses] }),
        ...(chained ? { endorsements: [...bill.endorsements, act('issue', issuedBy, holder, issuedAt)] } : {}),
      };
    }
    case 'waybill.endorsed':
    case 'waybill.transferred':
    case 'waybill.pledged':
    case 'waybill.pledge_released':
    case 'waybill.pledge_enforced':
    case 'waybill.receipt_rejected': {
      const effect = titleAct(bill, event);
      const titled = withTitle(next, evolveTitle(titleOf(bill), event, bill.content));
      return {
        ...titled,
        receipt: effect?.receipt ?? null,
        endorsements: effect?.entry === undefined ? bill.endorsements : [...bill.endorsements, effect.entry],
      };
    }
    case 'waybill.instruction_given': {
      const { n, kind, givenBy, at, placeOfDelivery, notifyParty } = event.data;
      const instruction: Instruction = {
        n,
        kind,
        status: 'requested',
        givenBy,
        at,
        ...(placeOfDelivery === undefined ? {} : { placeOfDelivery }),
        ...(notifyParty === undefined ? {} : { notifyParty }),
      };
      return { ...next, instructions: [...(bill.instructions ?? []), instruction] };
    }
    case 'waybill.instruction_accepted': {
      const content = contentAfterInstruction(bill.content, event.data);
      const stopped = event.data.kind === 'stop' ? true : event.data.kind === 'resume' ? false : bill.stopped;
      return {
        ...next,
        content,
        legs: planLegs(content.legs, bill.legs),
        stopped,
        instructions: closeInstruction(bill.instructions ?? [], event.data.n, 'accepted'),
      };
    }
    case 'waybill.instruction_rejected':
      return {
        ...next,
        instructions: closeInstruction(bill.instructions ?? [], event.data.n, 'rejected', event.data.reason),
      };
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
    case 'waybill.surrendered': {
      const { surrenderedBy } = event.data;
      const at = event.data.at;
      return {
        ...withoutHolder(next),
        status: 'surrendered',
        surrenderedBy,
        pledge: null,
        receipt: null,
        endorsements:
          at === undefined
            ? bill.endorsements
            : [...bill.endorsements, act('surrender', surrenderedBy, bill.content.carrier, at)],
      };
    }
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
    orderOf: null,
    pledge: null,
    receipt: null,
    instructions: [],
    stopped: false,
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
