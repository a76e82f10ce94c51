import {
  applyWaybillChanges,
  assertNever,
  type EventData,
  type EventType,
  type Leg,
  type WaybillContent,
} from '@railbill/contracts';
import { foldTitleEvent } from './title-acts.ts';

/** What the timeline folds: an event's type, time, document and `data` (valid: it passed the inbox's parse). */
export type TimelineEvent = Readonly<{ id: string; type: string; time: string; subject: string; data: unknown }>;

export type Milestone = Readonly<{ event: string; at: string; location: string; name?: string | undefined }>;
export type LegSummary = Leg & Readonly<{ status: string; milestones: Milestone[] }>;
/** A title act of the bill (docs/contract.md §3 "Title"): `kind` as the bill's `endorsements[]` names it. */
export type HolderStep = Readonly<{
  holder: string;
  from?: string | undefined;
  at: string;
  via: string;
  kind: string;
  causationId?: string;
}>;
export type Instruction = { n: number; kind: string; status: string; at: string };
/** Where the goods are: the last milestone recorded on any leg, or the place of receipt before the first. */
export type Position = Readonly<{
  location: string;
  event: string;
  at: string | null;
  leg: number | null;
  name?: string | undefined;
}>;
export type DeclarationSummary = {
  id: string;
  type: string;
  office: string;
  destinationOffice?: string | undefined;
  status: string;
  channel: string | null;
  riskReasons: string[];
  duties?: { duty: unknown; vat: unknown; status: string; payment?: unknown } | undefined;
  steps: { type: string; status: string; at: string; by?: string | undefined; reason?: string | undefined }[];
};
export type PresentationSummary = {
  id: string;
  status: string;
  result?: string;
  discrepancies: unknown[];
  invoiceAmount?: unknown;
  presentedAt?: string;
  decisionDeadline?: string;
  paidAmount?: unknown;
};
export type CreditSummary = {
  id: string;
  number: string;
  status: string;
  amount?: unknown;
  applicant?: string;
  beneficiary?: string;
  issuingBank?: string;
  nominatedBank?: string | undefined;
  expiry?: unknown;
  latestShipmentDate?: string;
  presentations: PresentationSummary[];
};
export type ShipmentSummary = {
  waybillId: string | null;
  billNumber: string | null;
  type: string | null;
  status: string | null;
  content: WaybillContent | null;
  holder: string | null;
  orderOf: string | null;
  pledge: { pledgee: string; pledgor: string; since: string } | null;
  stopped: boolean;
  instructions: Instruction[];
  legs: LegSummary[];
  position: Position | null;
  holders: HolderStep[];
  declarations: DeclarationSummary[];
  credits: CreditSummary[];
};

/** The mutable state of one fold (the summary plus what it is built from). */
export type FoldState = {
  s: ShipmentSummary;
  milestones: Map<number, Milestone[]>;
  declarations: Map<string, DeclarationSummary>;
  credits: Map<string, CreditSummary>;
};

export const dataOf = <T extends EventType>(e: TimelineEvent, _t: T): EventData<T> => e.data as EventData<T>;

const legStatus = (milestones: readonly Milestone[]): string => milestones.at(-1)?.event ?? 'planned';

/** Records a title act: the bill's holder after it and the chain entry. */
export const titleAct = (st: FoldState, step: HolderStep): void => {
  st.s.holder = step.holder;
  st.s.holders.push(step);
};

// ---- one switch per document: the bill, the credit, the declaration ------------------------------------------

const foldWaybill = (st: FoldState, e: TimelineEvent): void => {
  const { s } = st;
  const type = e.type as Extract<EventType, `waybill.${string}`>;
  switch (type) {
    case 'waybill.submitted': {
      const { submittedBy: _s, warnings: _w, ...content } = dataOf(e, 'waybill.submitted');
      Object.assign(s, { waybillId: e.subject, type: content.type, status: 'submitted', content });
      return;
    }
    case 'waybill.amended':
      if (s.content !== null) s.content = applyWaybillChanges(s.content, dataOf(e, 'waybill.amended').changes);
      return;
    case 'waybill.issued': {
      const d = dataOf(e, 'waybill.issued');
      s.billNumber = d.billNumber;
      s.status = 'issued';
      s.orderOf = s.content?.toOrderOf ?? null;
      titleAct(st, { holder: d.holder, at: e.time, via: 'issued', kind: 'issue' });
      return;
    }
    case 'waybill.endorsed': {
      const d = dataOf(e, 'waybill.endorsed');
      const blank = d.blank === true;
      s.orderOf = blank ? null : d.to;
      titleAct(st, {
        holder: d.to,
        from: d.from,
        at: d.at,
        via: blank ? 'endorsed in blank' : d.causationId === undefined ? 'endorsed' : 'endorsed on payment',
        kind: blank ? 'blank_endorse' : 'endorse',
        ...(d.causationId === undefined ? {} : { causationId: d.causationId }),
      });
      return;
    }
    case 'waybill.milestone_recorded': {
      const d = dataOf(e, 'waybill.milestone_recorded');
      const list = st.milestones.get(d.leg) ?? [];
      list.push({ event: d.event, at: d.at, location: d.location, name: d.name });
      st.milestones.set(d.leg, list);
      return;
    }
    case 'waybill.surrendered':
      s.status = 'surrendered';
      titleAct(st, {
        holder: dataOf(e, 'waybill.surrendered').surrenderedBy,
        at: e.time,
        via: 'surrendered',
        kind: 'surrender',
      });
      return;
    case 'waybill.accomplished':
      s.status = 'accomplished';
      s.holder = null;
      return;
    case 'waybill.voided':
      s.status = 'void';
      return;
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
      return;
    case 'waybill.transferred':
    case 'waybill.receipt_rejected':
    case 'waybill.pledged':
    case 'waybill.pledge_released':
    case 'waybill.pledge_enforced':
    case 'waybill.instruction_given':
    case 'waybill.instruction_accepted':
    case 'waybill.instruction_rejected':
      foldTitleEvent(st, e, type);
      return;
    default:
      assertNever(type);
  }
};

const lcStatus: Readonly<Record<string, string>> = {
  'lc.issued': 'issued',
  'lc.advised': 'advised',
  'lc.presented': 'presented',
  'lc.discrepancies_waived': 'complying',
  'lc.honoured': 'honoured',
  'lc.refused': 'refused',
  'lc.paid': 'paid',
  'lc.closed': 'closed',
  'lc.expired': 'expired',
};

export const presentationOf = (c: CreditSummary, id: string): PresentationSummary => {
  const found = c.presentations.find((p) => p.id === id);
  if (found !== undefined) return found;
  const p: PresentationSummary = { id, status: 'presented', discrepancies: [] };
  c.presentations.push(p);
  return p;
};

const foldCredit = (st: FoldState, e: TimelineEvent): void => {
  const d = e.data as { creditNumber: string; presentationId?: string };
  const c = st.credits.get(e.subject) ?? {
    id: e.subject,
    number: d.creditNumber,
    status: 'issued',
    presentations: [],
  };
  st.credits.set(e.subject, c);
  const next = lcStatus[e.type];
  if (next !== undefined && (c.status !== 'closed' || e.type === 'lc.closed')) c.status = next;
  const p = d.presentationId === undefined ? undefined : presentationOf(c, d.presentationId);
  const type = e.type as Extract<EventType, `lc.${string}`>;
  switch (type) {
    case 'lc.issued': {
      const t = dataOf(e, 'lc.issued');
      Object.assign(c, {
        amount: t.amount,
        applicant: t.applicant,
        beneficiary: t.beneficiary,
        issuingBank: t.issuingBank,
        nominatedBank: t.nominatedBank,
        expiry: t.expiry,
        latestShipmentDate: t.latestShipmentDate,
      });
      return;
    }
    case 'lc.presented': {
      const t = dataOf(e, 'lc.presented');
      if (p !== undefined)
        Object.assign(p, {
          invoiceAmount: t.invoice.amount,
          presentedAt: t.presentedAt,
          decisionDeadline: t.decisionDeadline,
        });
      return;
    }
    case 'lc.examined': {
      const t = dataOf(e, 'lc.examined');
      if (p !== undefined) Object.assign(p, { status: t.result, result: t.result, discrepancies: t.discrepancies });
      c.status = t.result;
      return;
    }
    case 'lc.paid':
      if (p !== undefined) Object.assign(p, { status: 'paid', paidAmount: dataOf(e, 'lc.paid').amount });
      return;
    case 'lc.discrepancies_waived':
    case 'lc.honoured':
    case 'lc.refused':
      if (p !== undefined && next !== undefined) p.status = next;
      return;
    case 'lc.documents_forwarded':
      if (p !== undefined) p.status = 'forwarded';
      return;
    case 'lc.advised':
    case 'lc.amendment_proposed':
    case 'lc.amendment_accepted':
    case 'lc.amendment_rejected':
    case 'lc.closed':
    case 'lc.expired':
      return;
    default:
      assertNever(type);
  }
};

export const declarationOf = (st: FoldState, e: TimelineEvent): DeclarationSummary => {
  const d = e.data as EventData<'customs.accepted'>;
  const decl = st.declarations.get(e.subject) ?? {
    id: e.subject,
    type: d.declarationType,
    office: d.office,
    status: d.status,
    channel: null,
    riskReasons: [],
    steps: [],
  };
  st.declarations.set(e.subject, decl);
  return decl;
};

const foldDeclaration = (st: FoldState, e: TimelineEvent): void => {
  const d = e.data as EventData<'customs.accepted'> & { by?: string; reason?: string };
  const decl = declarationOf(st, e);
  decl.status = d.status;
  decl.steps.push({ type: e.type, status: d.status, at: d.at, by: d.by, reason: d.reason });
  const type = e.type as Extract<EventType, `customs.${string}`>;
  switch (type) {
    case 'customs.lodged':
      decl.destinationOffice = dataOf(e, 'customs.lodged').destinationOffice;
      return;
    case 'customs.risk_assessed': {
      const r = dataOf(e, 'customs.risk_assessed');
      Object.assign(decl, { channel: r.channel, riskReasons: r.riskReasons });
      return;
    }
    case 'customs.duties_assessed': {
      const r = dataOf(e, 'customs.duties_assessed');
      decl.duties = { duty: r.duty, vat: r.vat, status: 'assessed' };
      return;
    }
    case 'customs.duties_paid': {
      const r = dataOf(e, 'customs.duties_paid');
      const status = r.method === 'guarantee' ? 'guaranteed' : 'paid';
      decl.duties = {
        ...(decl.duties ?? { duty: r.duty, vat: r.vat }),
        status,
        payment: { method: r.method, reference: r.reference },
      };
      return;
    }
    case 'customs.accepted':
    case 'customs.inspection_ordered':
    case 'customs.released':
    case 'customs.held':
    case 'customs.rejected':
    case 'customs.discharged':
      return;
    default:
      assertNever(type);
  }
};

const positionOf = (s: ShipmentSummary, milestones: Map<number, Milestone[]>): Position | null => {
  let last: (Milestone & { leg: number }) | undefined;
  for (const [leg, list] of milestones)
    for (const m of list) if (last === undefined || m.at >= last.at) last = { ...m, leg };
  if (last !== undefined)
    return { location: last.location, event: last.event, at: last.at, leg: last.leg, name: last.name };
  const from = s.content?.placeOfReceipt;
  return from === undefined ? null : { location: from, event: 'not departed', at: null, leg: null };
};

/** Folds a shipment's events (time order) into the operators' summary: bill, legs, title, customs, credits. */
export const summarize = (events: readonly TimelineEvent[]): ShipmentSummary => {
  const st: FoldState = {
    s: {
      waybillId: null,
      billNumber: null,
      type: null,
      status: null,
      content: null,
      holder: null,
      orderOf: null,
      pledge: null,
      stopped: false,
      instructions: [],
      legs: [],
      position: null,
      holders: [],
      declarations: [],
      credits: [],
    },
    milestones: new Map(),
    declarations: new Map(),
    credits: new Map(),
  };
  for (const e of events) {
    if (e.type.startsWith('waybill.')) foldWaybill(st, e);
    else if (e.type.startsWith('lc.')) foldCredit(st, e);
    else if (e.type.startsWith('customs.')) foldDeclaration(st, e);
  }
  const { s } = st;
  s.legs = (s.content?.legs ?? []).map((leg) => {
    const list = st.milestones.get(leg.sequence) ?? [];
    return { ...leg, status: legStatus(list), milestones: list };
  });
  s.position = positionOf(s, st.milestones);
  s.declarations = [...st.declarations.values()];
  s.credits = [...st.credits.values()];
  return s;
};
