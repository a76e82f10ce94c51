import {
  CreditChanges,
  CreditStatus,
  CreditTerms,
  Discrepancy,
  Disposal,
  Id,
  Instant,
  Invoice,
  LocalDate,
  Money,
  PartyId,
  PresentedDocument,
} from '@railbill/contracts';
import { z } from 'zod';

export const CreditIdParams = z.object({ id: Id });
export const AmendmentParams = z.object({ id: Id, n: z.coerce.number().int().min(1) });
export const PresentationParams = z.object({ id: Id, p: Id });

export { CreditStatus };

/** docs/contract.md §8: `{ n, status, changes }`, with the issuing bank's note. */
export const AmendmentView = z.object({
  n: z.int(),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  changes: CreditChanges,
  note: z.string().optional(),
});
export type AmendmentView = z.infer<typeof AmendmentView>;

/**
 * docs/contract.md §8 presentation. `status` adds `awaiting_documents` (the bill's events not consumed yet: examined when they
 * arrive; `result` null until then), `waived`, `honoured`, `refused`, `paid`.
 */
export const PresentationView = z.object({
  id: Id,
  waybillId: Id,
  status: z.enum(['awaiting_documents', 'complying', 'discrepant', 'waived', 'honoured', 'refused', 'paid']),
  result: z.enum(['complying', 'discrepant']).nullable(),
  discrepancies: z.array(Discrepancy),
  presentedAt: Instant,
  presentedOn: LocalDate,
  presentedTo: PartyId,
  decisionDeadline: LocalDate,
  invoice: Invoice,
  documents: z.array(PresentedDocument),
  billHolder: PartyId.nullable(),
  honouredAmount: Money.nullable(),
  paidAmount: Money.nullable(),
  /** The nominated bank forwarded the documents to the issuing bank. */
  forwarded: z.boolean(),
  /** A deferred payment's or accepted draft's due date (honoured under a tenor, docs/ucp600.md §4). */
  maturityDate: LocalDate.optional(),
  /** UCP 16(c)(iii): the disposal a refusal stated; null unless refused. */
  disposal: Disposal.nullable(),
});
export type PresentationView = z.infer<typeof PresentationView>;

/** docs/contract.md §8 credit: the terms in force (accepted amendments applied, UCP 10), its amendments and presentations. */
export const CreditView = z.object({
  id: Id,
  status: CreditStatus,
  version: z.int(),
  createdAt: Instant,
  updatedAt: Instant,
  ...CreditTerms.shape,
  issuedBy: PartyId,
  issuedOn: LocalDate,
  amendments: z.array(AmendmentView),
  presentations: z.array(PresentationView),
});
export type CreditView = z.infer<typeof CreditView>;
