import {
  applyWaybillChanges,
  contentAfterInstruction,
  type EventData,
  type EventType,
  type Leg,
  type WaybillContent,
} from '@railbill/contracts';

/** What the timeline folds: an event's type, time, document and `data` (valid: it passed the inbox's parse). */
export type TimelineEvent = Readonly<{ id: string; type: string; time: string; subject: string; data: unknown }>;

export type Milestone = Readonly<{ event: string; at: string; location: string; name?: string | undefined }>;
export type LegSummary = Leg & Readonly<{ status: string; milestones: Milestone[] }>;
export type HolderStep = Readonly<{ holder: string; from?: string; at: string; via: string; causationId?: string }>;
export type InstructionSummary = {
  n: number;
  kind: string;
  status: 'requested' | 'accepted' | 'rejected';
  givenBy: string;
  at: string;
  placeOfDelivery?: string | undefined;
};
export type DeclarationSummary = {
  id: string;
  type: string;
  office: string;
  destinationOffice?: string | undefined;
  status: string;
  channel: string | null;
  riskReasons: string[];
  duties?: { duty: unknown; vat: unknown } | undefined;
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
  legs: LegSummary[];
  holders: HolderStep[];
  /** The holder's instructions to the carrier (docs/title.md); `open` are those the carrier has not answered. */
  instructions: InstructionSummary[];
  stopped: boolean;
  declarations: DeclarationSummary[];
  credits: CreditSummary[];
};

const dataOf = <T extends EventType>(e: TimelineEvent, _t: T): EventData<T> => e.data as EventData<T>;

const legStatus = (milestones: readonly Milestone[]): string => milestones.at(-1)?.event ?? 'planned';

const lcStatus: Record<string, string> = {
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

type TitleStep = Readonly<{ holder?: string; via: string; extra?: Readonly<{ from?: string; causationId?: string }> }>;

/** The title acts after issue as the holder chain shows them (docs/title.md). */
const titleActs: Readonly<Record<string, (data: never) => TitleStep>> = {
  'waybill.transferred': (d: EventData<'waybill.transferred'>) => ({
    holder: d.to,
    via: d.causationId === undefined ? 'transferred' : 'transferred on forward',
    extra: { from: d.from, ...(d.causationId === undefined ? {} : { causationId: d.causationId }) },
  }),
  'waybill.receipt_rejected': (d: EventData<'waybill.receipt_rejected'>) => ({
    holder: d.holder,
    via: `${d.undone} rejected by ${d.rejectedBy}`,
  }),
  'waybill.pledged': (d: EventData<'waybill.pledged'>) => ({
    holder: d.pledgee,
    via: 'pledged',
    extra: { from: d.pledgor },
  }),
  'waybill.pledge_released': (d: EventData<'waybill.pledge_released'>) => ({
    holder: d.pledgor,
    via: 'pledge released',
    extra: { from: d.pledgee },
  }),
  'waybill.pledge_enforced': (d: EventData<'waybill.pledge_enforced'>) => ({
    holder: d.pledgee,
    via: 'pledge enforced',
  }),
};

/** Folds a shipment's events (time order) into the operators' summary: bill, legs, holders, customs, credits. */
export const summarize = (events: readonly TimelineEvent[]): ShipmentSummary => {
  const s: ShipmentSummary = {
    waybillId: null,
    billNumber: null,
    type: null,
    status: null,
    content: null,
    holder: null,
    legs: [],
    holders: [],
    instructions: [],
    stopped: false,
    declarations: [],
    credits: [],
  };
  const milestones = new Map<number, Milestone[]>();
  const declarations = new Map<string, DeclarationSummary>();
  const credits = new Map<string, CreditSummary>();
  const creditOf = (e: TimelineEvent, number: string): CreditSummary => {
    const found = credits.get(e.subject) ?? { id: e.subject, number, status: 'issued', presentations: [] };
    credits.set(e.subject, found);
    return found;
  };
  const presentationOf = (c: CreditSummary, id: string): PresentationSummary => {
    const found = c.presentations.find((p) => p.id === id);
    if (found !== undefined) return found;
    const p: PresentationSummary = { id, status: 'presented', discrepancies: [] };
    c.presentations.push(p);
    return p;
  };

  for (const e of events) {
    if (e.type === 'waybill.submitted') {
      const { submittedBy: _s, warnings: _w, ...content } = dataOf(e, 'waybill.submitted');
      Object.assign(s, { waybillId: e.subject, type: content.type, status: 'submitted', content });
    } else if (e.type === 'waybill.amended' && s.content !== null) {
      s.content = applyWaybillChanges(s.content, dataOf(e, 'waybill.amended').changes);
    } else if (e.type === 'waybill.issued') {
      const d = dataOf(e, 'waybill.issued');
      Object.assign(s, { billNumber: d.billNumber, status: 'issued', holder: d.holder });
      s.holders.push({ holder: d.holder, at: e.time, via: 'issued' });
    } else if (e.type === 'waybill.endorsed') {
      const d = dataOf(e, 'waybill.endorsed');
      s.holder = d.to;
      s.holders.push({
        holder: d.to,
        from: d.from,
        at: d.at,
        via: d.blank === true ? 'endorsed in blank' : d.causationId === undefined ? 'endorsed' : 'endorsed on payment',
        ...(d.causationId === undefined ? {} : { causationId: d.causationId }),
      });
    } else if (titleActs[e.type] !== undefined) {
      const step = titleActs[e.type]?.(e.data as never);
      if (step !== undefined) {
        if (step.holder !== undefined) s.holder = step.holder;
        s.holders.push({ holder: step.holder ?? s.holder ?? '', at: e.time, via: step.via, ...step.extra });
      }
    } else if (e.type === 'waybill.instruction_given') {
      const d = dataOf(e, 'waybill.instruction_given');
      s.instructions.push({
        n: d.n,
        kind: d.kind,
        status: 'requested',
        givenBy: d.givenBy,
        at: d.at,
        placeOfDelivery: d.placeOfDelivery,
      });
    } else if (e.type === 'waybill.instruction_accepted' || e.type === 'waybill.instruction_rejected') {
      const d = dataOf(e, 'waybill.instruction_accepted');
      const found = s.instructions.find((i) => i.n === d.n);
      const accepted = e.type === 'waybill.instruction_accepted';
      if (found !== undefined) found.status = accepted ? 'accepted' : 'rejected';
      if (accepted && d.kind === 'stop') s.stopped = true;
      if (accepted && d.kind === 'resume') s.stopped = false;
      if (accepted && s.content !== null) s.content = contentAfterInstruction(s.content, d);
    } else if (e.type === 'waybill.milestone_recorded') {
      const d = dataOf(e, 'waybill.milestone_recorded');
      const list = milestones.get(d.leg) ?? [];
      list.push({ event: d.event, at: d.at, location: d.location, name: d.name });
      milestones.set(d.leg, list);
    } else if (e.type === 'waybill.surrendered') {
      s.status = 'surrendered';
      s.holders.push({ holder: dataOf(e, 'waybill.surrendered').surrenderedBy, at: e.time, via: 'surrendered' });
    } else if (e.type === 'waybill.accomplished') {
      s.status = 'accomplished';
      s.holder = null;
    } else if (e.type === 'waybill.voided') {
      s.status = 'void';
    } else if (e.type.startsWith('customs.')) {
      const d = e.data as EventData<'customs.accepted'> & { by?: string; reason?: string };
      const decl: DeclarationSummary = declarations.get(e.subject) ?? {
        id: e.subject,
        type: d.declarationType,
        office: d.office,
        status: d.status,
        channel: null,
        riskReasons: [],
        steps: [],
      };
      decl.status = d.status;
      if (e.type === 'customs.lodged') decl.destinationOffice = dataOf(e, 'customs.lodged').destinationOffice;
      if (e.type === 'customs.risk_assessed') {
        const r = dataOf(e, 'customs.risk_assessed');
        Object.assign(decl, { channel: r.channel, riskReasons: r.riskReasons });
      }
      if (e.type === 'customs.duties_assessed') {
        const r = dataOf(e, 'customs.duties_assessed');
        decl.duties = { duty: r.duty, vat: r.vat };
      }
      decl.steps.push({ type: e.type, status: d.status, at: d.at, by: d.by, reason: d.reason });
      declarations.set(e.subject, decl);
    } else if (e.type.startsWith('lc.')) {
      const d = e.data as { creditNumber: string; presentationId?: string };
      const c = creditOf(e, d.creditNumber);
      if (e.type === 'lc.issued') {
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
      }
      const next = lcStatus[e.type];
      if (next !== undefined && (c.status !== 'closed' || e.type === 'lc.closed')) c.status = next;
      if (d.presentationId !== undefined) {
        const p = presentationOf(c, d.presentationId);
        if (e.type === 'lc.presented') {
          const t = dataOf(e, 'lc.presented');
          Object.assign(p, {
            invoiceAmount: t.invoice.amount,
            presentedAt: t.presentedAt,
            decisionDeadline: t.decisionDeadline,
          });
        } else if (e.type === 'lc.examined') {
          const t = dataOf(e, 'lc.examined');
          Object.assign(p, { status: t.result, result: t.result, discrepancies: t.discrepancies });
          c.status = t.result;
        } else if (e.type === 'lc.paid') {
          Object.assign(p, { status: 'paid', paidAmount: dataOf(e, 'lc.paid').amount });
        } else if (next !== undefined) p.status = next;
      }
    }
  }
  s.legs = (s.content?.legs ?? []).map((leg) => {
    const list = milestones.get(leg.sequence) ?? [];
    return { ...leg, status: legStatus(list), milestones: list };
  });
  s.declarations = [...declarations.values()];
  s.credits = [...credits.values()];
  return s;
};
