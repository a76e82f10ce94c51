import type { Amendment, Credit, Presentation } from '../domain/state.ts';
import type { AmendmentView, CreditView, PresentationView } from './schemas.ts';

export const toAmendmentView = (a: Amendment): AmendmentView => ({
  n: a.n,
  status: a.status,
  changes: a.changes,
  ...(a.note === undefined ? {} : { note: a.note }),
});

export const toPresentationView = (p: Presentation): PresentationView => ({
  id: p.id,
  waybillId: p.waybillId,
  status: p.status,
  result: p.result,
  discrepancies: [...p.discrepancies],
  presentedAt: p.presentedAt,
  presentedOn: p.presentedOn,
  presentedTo: p.presentedTo,
  decisionDeadline: p.decisionDeadline,
  invoice: p.invoice,
  documents: [...p.documents],
  billHolder: p.billHolder,
  honouredAmount: p.honouredAmount,
  paidAmount: p.paidAmount,
  forwarded: p.forwarded ?? false,
  disposal: p.disposal,
  ...(p.maturityDate == null ? {} : { maturityDate: p.maturityDate }),
});

/** Maps the credit to its wire shape (docs/contract.md §8). */
export const toCreditView = (
  id: string,
  credit: Credit,
  meta: Readonly<{ createdAt: string; updatedAt: string }>,
): CreditView => ({
  id,
  status: credit.status,
  version: credit.version,
  createdAt: new Date(meta.createdAt).toISOString(),
  updatedAt: new Date(meta.updatedAt).toISOString(),
  ...credit.terms,
  issuedBy: credit.issuedBy,
  issuedOn: credit.issuedOn,
  amendments: credit.amendments.map(toAmendmentView),
  presentations: credit.presentations.map(toPresentationView),
});

/** The view of a credit right after a command: updated at the command's clock reading. */
export const viewOfHandled = (
  h: Readonly<{ id: string; state: Credit; at: string; loaded: Readonly<{ createdAt: string | null }> }>,
): CreditView => toCreditView(h.id, h.state, { createdAt: h.loaded.createdAt ?? h.at, updatedAt: h.at });

/** The amendment an action acted on (docs/contract.md §8: accept/reject answer with the amendment). */
export const amendmentOf = (credit: Credit, n: number): AmendmentView => {
  const amendment = credit.amendments.find((a) => a.n === n);
  if (amendment === undefined) throw new Error(`amendment ${n} is missing from the credit`);
  return toAmendmentView(amendment);
};

/** The presentation an action acted on (docs/contract.md §8: waive/honour/refuse/pay answer with the presentation). */
export const presentationOf = (credit: Credit, id: string): PresentationView => {
  const presentation = credit.presentations.find((p) => p.id === id);
  if (presentation === undefined) throw new Error(`presentation ${id} is missing from the credit`);
  return toPresentationView(presentation);
};
