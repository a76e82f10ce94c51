import { assertNever, evolveCreditStatus, type LcEvent } from '@railbill/contracts';
import type { CreditSummary, FoldState, PresentationSummary, TimelineEvent } from './shipment-summary.ts';

const presentationOf = (c: CreditSummary, id: string): PresentationSummary => {
  const found = c.presentations.find((p) => p.id === id);
  if (found !== undefined) return found;
  const p: PresentationSummary = { id, status: 'presented', discrepancies: [] };
  c.presentations.push(p);
  return p;
};

/** The status a presentation takes on the events that only move it on. */
const statusAfter = {
  'lc.discrepancies_waived': 'complying',
  'lc.honoured': 'honoured',
  'lc.refused': 'refused',
  'lc.documents_forwarded': 'forwarded',
} as const satisfies Partial<Record<LcEvent['type'], PresentationSummary['status']>>;

/** Folds one credit event: the credit's status by the public fold of contracts, its terms and its presentations. */
export const foldCredit = (st: FoldState, e: TimelineEvent<LcEvent>): void => {
  const known = st.credits.get(e.subject);
  const c: CreditSummary = known ?? { id: e.subject, number: e.data.creditNumber, status: 'issued', presentations: [] };
  st.credits.set(e.subject, c);
  c.status = evolveCreditStatus(known?.status, e);
  switch (e.type) {
    case 'lc.issued': {
      const { amount, applicant, beneficiary, issuingBank, nominatedBank, expiry, latestShipmentDate } = e.data;
      Object.assign(c, { amount, applicant, beneficiary, issuingBank, nominatedBank, expiry, latestShipmentDate });
      return;
    }
    case 'lc.presented': {
      const { presentationId, invoice, presentedAt, decisionDeadline } = e.data;
      Object.assign(presentationOf(c, presentationId), {
        invoiceAmount: invoice.amount,
        presentedAt,
        decisionDeadline,
      });
      return;
    }
    case 'lc.examined': {
      const { presentationId, result, discrepancies } = e.data;
      Object.assign(presentationOf(c, presentationId), { status: result, result, discrepancies });
      return;
    }
    case 'lc.paid':
      Object.assign(presentationOf(c, e.data.presentationId), { status: 'paid', paidAmount: e.data.amount });
      return;
    case 'lc.discrepancies_waived':
    case 'lc.honoured':
    case 'lc.refused':
    case 'lc.documents_forwarded':
      presentationOf(c, e.data.presentationId).status = statusAfter[e.type];
      return;
    case 'lc.advised':
    case 'lc.amendment_proposed':
    case 'lc.amendment_accepted':
    case 'lc.amendment_rejected':
    case 'lc.closed':
    case 'lc.expired':
      return;
    default:
      assertNever(e);
  }
};
