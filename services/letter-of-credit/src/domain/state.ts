import {
  assertNever,
  type CreditChanges,
  type CreditStatus,
  type CreditTerms,
  type Discrepancy,
  type Disposal,
  type Instant,
  type Invoice,
  type LcEvent,
  type LocalDate,
  type Money,
  type PresentedDocument,
} from '@railbill/contracts';
import { applyCreditChanges } from './credit-terms.ts';

/** docs/contract.md §4 credit statuses, as contracts defines them. */
export type { CreditStatus } from '@railbill/contracts';

export type Amendment = Readonly<{
  n: number;
  status: 'proposed' | 'accepted' | 'rejected';
  changes: CreditChanges;
  note?: string;
}>;

/** `awaiting_documents`: presented, but the bill's events have not been consumed yet; examined later. */
export type PresentationStatus =
  | 'awaiting_documents'
  | 'complying'
  | 'discrepant'
  | 'waived'
  | 'honoured'
  | 'refused'
  | 'paid';

export type Presentation = Readonly<{
  id: string;
  waybillId: string;
  status: PresentationStatus;
  result: 'complying' | 'discrepant' | null;
  discrepancies: readonly Discrepancy[];
  presentedAt: Instant;
  presentedOn: LocalDate;
  /** The bank presented to, whose calendar its deadline runs on (UCP 6(d)(ii), 14(b)). */
  presentedTo: string;
  decisionDeadline: LocalDate;
  invoice: Invoice;
  documents: readonly PresentedDocument[];
  billHolder: string | null;
  honouredAmount: Money | null;
  paidAmount: Money | null;
  /** The nominated bank has forwarded the documents to the issuing bank (`lc.documents_forwarded`). */
  forwarded: boolean;
  /** The date of shipment the examination read; null before (or without an issued bill). */
  shipmentDate?: LocalDate | null;
  /** When a deferred payment or accepted draft falls due; null unless honoured under a tenor. */
  maturityDate?: LocalDate | null;
  /** UCP 16(c)(iii): what the refusing bank does with the documents; null until refused. */
  disposal: Disposal | null;
}>;

/**
 * A credit. `terms` are those in force: the issued terms with only ACCEPTED amendments applied (UCP 10(c));
 * `waybillId` is the correlation hint (the bill of the latest presentation). JSON values only.
 */
export type Credit = Readonly<{
  status: CreditStatus;
  terms: CreditTerms;
  issuedBy: string;
  issuedOn: LocalDate;
  amendments: readonly Amendment[];
  presentations: readonly Presentation[];
  waybillId: string | null;
  version: number;
}>;

export type State = Readonly<{ status: 'initial'; version: 0 }> | Credit;

export const initialState: State = { status: 'initial', version: 0 };

const updatePresentation = (
  credit: Credit,
  id: string,
  update: (p: Presentation) => Partial<Presentation>,
): readonly Presentation[] => credit.presentations.map((p) => (p.id === id ? { ...p, ...update(p) } : p));

/** The credit and one of its presentations reach the same status together (honoured, refused, paid). */
const settle = (
  credit: Credit,
  id: string,
  status: 'honoured' | 'refused' | 'paid',
  fields: Partial<Presentation>,
): Credit => ({
  ...credit,
  status,
  presentations: updatePresentation(credit, id, () => ({ status, ...fields })),
});

const evolveCredit = (credit: Credit, event: LcEvent): Credit => {
  const next = { ...credit, version: credit.version + 1 };
  switch (event.type) {
    case 'lc.issued':
      return next;
    case 'lc.advised':
      return { ...next, status: 'advised' };
    case 'lc.amendment_proposed': {
      const { n, changes, note } = event.data;
      const amendment: Amendment =
        note === undefined ? { n, status: 'proposed', changes } : { n, status: 'proposed', changes, note };
      return { ...next, amendments: [...credit.amendments, amendment] };
    }
    case 'lc.amendment_accepted': {
      const accepted = credit.amendments.find((a) => a.n === event.data.n);
      return {
        ...next,
        terms: accepted ? applyCreditChanges(credit.terms, accepted.changes) : credit.terms,
        amendments: credit.amendments.map((a) => (a.n === event.data.n ? { ...a, status: 'accepted' } : a)),
      };
    }
    case 'lc.amendment_rejected':
      return {
        ...next,
        amendments: credit.amendments.map((a) => (a.n === event.data.n ? { ...a, status: 'rejected' } : a)),
      };
    case 'lc.presented': {
      const d = event.data;
      const presentation: Presentation = {
        id: d.presentationId,
        waybillId: d.waybillId,
        status: 'awaiting_documents',
        result: null,
        discrepancies: [],
        presentedAt: d.presentedAt,
        presentedOn: d.presentedOn,
        presentedTo: d.presentedTo ?? credit.terms.nominatedBank ?? credit.terms.issuingBank,
        decisionDeadline: d.decisionDeadline,
        invoice: d.invoice,
        documents: d.documents,
        billHolder: null,
        honouredAmount: null,
        paidAmount: null,
        forwarded: false,
        disposal: null,
      };
      return {
        ...next,
        status: 'presented',
        waybillId: d.waybillId,
        presentations: [...credit.presentations, presentation],
      };
    }
    case 'lc.examined': {
      const { result, discrepancies, billHolder, shipmentDate } = event.data;
      return {
        ...next,
        status: result,
        presentations: updatePresentation(credit, event.data.presentationId, () => ({
          status: result,
          result,
          discrepancies,
          billHolder: billHolder ?? null,
          shipmentDate: shipmentDate ?? null,
        })),
      };
    }
    case 'lc.discrepancies_waived':
      return {
        ...next,
        presentations: updatePresentation(credit, event.data.presentationId, () => ({ status: 'waived' })),
      };
    case 'lc.honoured':
      return settle(next, event.data.presentationId, 'honoured', {
        honouredAmount: event.data.amount,
        maturityDate: event.data.maturityDate ?? null,
      });
    case 'lc.refused':
      return settle(next, event.data.presentationId, 'refused', { disposal: event.data.disposal });
    case 'lc.paid':
      return settle(next, event.data.presentationId, 'paid', { paidAmount: event.data.amount });
    case 'lc.documents_forwarded':
      return {
        ...next,
        presentations: updatePresentation(credit, event.data.presentationId, () => ({ forwarded: true })),
      };
    case 'lc.closed':
      return { ...next, status: 'closed' };
    case 'lc.expired':
      return { ...next, status: 'expired' };
    default:
      return assertNever(event);
  }
};

export const evolve = (state: State, event: LcEvent): State => {
  if (event.type === 'lc.issued') {
    const { creditNumber: _c, issuedBy, issuedOn, ...terms } = event.data;
    return {
      status: 'issued',
      terms,
      issuedBy,
      issuedOn,
      amendments: [],
      presentations: [],
      waybillId: null,
      version: state.version + 1,
    };
  }
  return state.status === 'initial' ? state : evolveCredit(state, event);
};

export const foldEvents = (events: readonly LcEvent[]): State => events.reduce(evolve, initialState);
