import type { CreditTerms, Disposal, Invoice, LcEvent, LocalDate } from '@railbill/contracts';
import type { BankingCalendar } from '../banking-days.ts';
import type { Actor, Command, Present, Role } from '../commands.ts';
import type { BillView } from '../examination/bill-view.ts';
import type { examine } from '../examination/examine.ts';
import { calendars, documentsFor, knownCarrier, roles } from './shipments.ts';

export const actor = (id: string, role: Role = roles[id] ?? 'bank'): Actor => ({ id, role });
export const operator: Actor = { id: 'ops', role: 'operator' };

export const presentationIds = {
  first: '019d0000-0000-7000-8000-0000000000a1',
  second: '019d0000-0000-7000-8000-0000000000a2',
} as const;

const when = (today: LocalDate) => ({ at: `${today}T03:00:00.000Z`, today });

export const issued = (terms: CreditTerms, issuedOn: LocalDate = '2026-03-02'): LcEvent => ({
  type: 'lc.issued',
  data: { ...terms, creditNumber: terms.number, issuedBy: terms.issuingBank, issuedOn },
});
export const advised = (terms: CreditTerms): LcEvent => ({
  type: 'lc.advised',
  data: { creditNumber: terms.number, advisedBy: terms.advisingBank },
});

type Presentation = Readonly<{
  id?: string;
  waybillId: string;
  invoice: Invoice;
  today: LocalDate;
  bill?: BillView | undefined;
  calendar?: BankingCalendar;
  presentedTo?: string;
}>;

export const presentCmd = (terms: CreditTerms, p: Presentation): Present => ({
  type: 'present',
  by: actor(terms.beneficiary),
  ...when(p.today),
  presentationId: p.id ?? presentationIds.first,
  waybillId: p.waybillId,
  presentedTo: p.presentedTo ?? terms.nominatedBank ?? terms.issuingBank,
  invoice: p.invoice,
  documents: documentsFor(terms),
  bill: p.bill,
  calendar: p.calendar ?? calendars.cn,
  timeZone: 'Asia/Shanghai',
  carrier: knownCarrier,
});

export const presented = (terms: CreditTerms, p: Presentation & { decisionDeadline: LocalDate }): LcEvent => ({
  type: 'lc.presented',
  data: {
    creditNumber: terms.number,
    presentationId: p.id ?? presentationIds.first,
    waybillId: p.waybillId,
    invoice: p.invoice,
    documents: documentsFor(terms),
    presentedAt: `${p.today}T03:00:00.000Z`,
    presentedOn: p.today,
    decisionDeadline: p.decisionDeadline,
    presentedBy: terms.beneficiary,
    presentedTo: p.presentedTo ?? terms.nominatedBank ?? terms.issuingBank,
  },
});

export const examinedEvent = (
  terms: CreditTerms,
  result: 'complying' | 'discrepant',
  discrepancies: ReturnType<typeof examine> = [],
  id: string = presentationIds.first,
  billHolder = terms.nominatedBank ?? terms.issuingBank,
  shipmentDate?: LocalDate,
): LcEvent => ({
  type: 'lc.examined',
  data: {
    creditNumber: terms.number,
    presentationId: id,
    result,
    discrepancies: [...discrepancies],
    billHolder,
    ...(shipmentDate === undefined ? {} : { shipmentDate }),
  },
});

/** The first presentation honoured for its invoice amount by the nominated bank (no tenor). */
export const honouredEvent = (terms: CreditTerms, invoice: Invoice): LcEvent => ({
  type: 'lc.honoured',
  data: {
    creditNumber: terms.number,
    presentationId: presentationIds.first,
    amount: invoice.amount,
    by: terms.nominatedBank ?? terms.issuingBank,
  },
});

/** The first presentation paid by the issuing bank; the nominated bank that holds the bill endorses it on. */
export const paidEvent = (terms: CreditTerms, invoice: Invoice, waybillId: string): LcEvent => ({
  type: 'lc.paid',
  data: {
    creditNumber: terms.number,
    presentationId: presentationIds.first,
    waybillId,
    amount: invoice.amount,
    applicant: terms.applicant,
    bank: terms.nominatedBank ?? terms.issuingBank,
    paidBy: terms.issuingBank,
  },
});

/** A bank's act on a presentation (the first, unless named). */
const onPresentation =
  <T extends 'waive' | 'honour' | 'refuse' | 'pay' | 'forward'>(type: T) =>
  (by: Actor, today: LocalDate, id: string = presentationIds.first) => ({
    type,
    by,
    ...when(today),
    presentationId: id,
  });

export const command = {
  issue: (terms: CreditTerms, today: LocalDate = '2026-03-02', by = actor(terms.issuingBank)): Command => ({
    type: 'issue',
    by,
    ...when(today),
    terms,
    roles,
  }),
  advise: (by: Actor, today: LocalDate = '2026-03-03'): Command => ({ type: 'advise', by, ...when(today) }),
  propose: (by: Actor, changes: Partial<CreditTerms>, today: LocalDate = '2026-03-10'): Command => ({
    type: 'proposeAmendment',
    by,
    ...when(today),
    changes,
    roles,
  }),
  acceptAmendment: (by: Actor, n: number): Command => ({ type: 'acceptAmendment', by, ...when('2026-03-11'), n }),
  rejectAmendment: (by: Actor, n: number): Command => ({ type: 'rejectAmendment', by, ...when('2026-03-11'), n }),
  waive: onPresentation('waive'),
  honour: (by: Actor, today: LocalDate, id: string = presentationIds.first): Command => ({
    ...onPresentation('honour')(by, today, id),
    calendar: calendars.cn,
  }),
  refuse: (by: Actor, today: LocalDate, disposal: Disposal = 'holding_until_waiver'): Command => ({
    ...onPresentation('refuse')(by, today),
    disposal,
  }),
  pay: onPresentation('pay'),
  forward: onPresentation('forward'),
  close: (by: Actor, today: LocalDate): Command => ({ type: 'close', by, ...when(today) }),
  expire: (today: LocalDate, calendar: BankingCalendar = calendars.cn): Command => ({
    type: 'expire',
    by: { id: 'scheduler', role: 'bank' },
    ...when(today),
    calendar,
  }),
  examinePending: (bill: BillView | undefined, today: LocalDate, id: string = presentationIds.first): Command => ({
    type: 'examinePending',
    by: { id: 'waybill-consumer', role: 'bank' },
    ...when(today),
    presentationId: id,
    bill,
    carrier: knownCarrier,
    calendar: calendars.cn,
    timeZone: 'Asia/Shanghai',
  }),
};
