import { assertNever, evolveCreditStatus, type LcEvent } from '@railbill/contracts';
import type { CreditSummary, FoldState, PresentationSummary, TimelineEvent } from './shipment-summary.ts';

const presentationOf = (c: CreditSummary, id: string): PresentationSummary => {
  const found = c.presentations.find((p) => p.id === id);
  if (found !== undefined) return found;
  const p: PresentationSummary = { id, status: 'presented', discrepancies: [] };
  c.presentations.push(p);
  return p;
};

/** Folds one credit event: the credit's status by the public fold of contracts, its terms and its presentations. */
export const foldCredit = (st: FoldState, e: TimelineEvent<LcEvent>): void => {
  const known = st.credits.get(e.subject);
  const c: CreditSummary = known ?? { id: e.subject, number: e.data.creditNumber, status: 'issued', presentations: [] };
  st.credits.set(e.subject, c);
  c.status = evolveCreditStatus(known?.status, e);
  switch (e.type) {
    case 'lc.issued': {
      const t = e.data;
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
      const t = e.data;
      Object.assign(presentationOf(c, t.presentationId), {
        invoiceAmount: t.invoice.amount,
        presentedAt: t.presentedAt,
        decisionDeadline: t.decisionDeadline,
      });
      return;
    }
    case 'lc.examined': {
      const t = e.data;
      Object.assign(presentationOf(c, t.presentationId), {
        status: t.result,
        result: t.result,
        discrepancies: t.discrepancies,
      });
      return;
    }
    case 'lc.paid':
      Object.assign(presentationOf(c, e.data.presentationId), { status: 'paid', paidAmount: e.data.amount });
      return;
    case 'lc.discrepancies_waived':
      presentationOf(c, e.data.presentationId).status = 'complying';
      return;
    case 'lc.honoured':
      presentationOf(c, e.data.presentationId).status = 'honoured';
      return;
    case 'lc.refused':
      presentationOf(c, e.data.presentationId).status = 'refused';
      return;
    case 'lc.documents_forwarded':
      presentationOf(c, e.data.presentationId).status = 'forwarded';
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
