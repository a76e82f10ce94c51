/**
 * PENDING CONTRACTS — event types the console already folds but that this branch's `packages/contracts` does not
 * define yet (title acts and instructions, forwarded documents, bank messages, duty payment; docs/contract.md §3–§5).
 * They are matched here by their type string and read defensively. Once a type is in the contracts' catalogue,
 * move its case into the typed switch of its document in `summarize.ts` (`foldWaybill`, `foldCredit`,
 * `foldDeclaration`) and read its data with `dataOf`; this file should then shrink to nothing.
 */
import { type CreditSummary, type FoldState, presentationOf, type TimelineEvent } from './summarize.ts';

type Loose = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Letter-of-credit types: forwarded documents and the bank messages' records. */
export const foldPendingCredit = (_st: FoldState, c: CreditSummary, e: TimelineEvent): void => {
  const d = (e.data ?? {}) as Loose;
  if (e.type === 'lc.documents_forwarded') {
    const id = str(d.presentationId);
    if (id !== undefined) presentationOf(c, id).status = 'forwarded';
    return;
  }
  // a bank message record (SWIFT MT…): any credit event whose data names its message type
  const mt = str(d.mt);
  if (mt !== undefined) {
    const n = num(d.n);
    const sender = str(d.sender);
    const receiver = str(d.receiver);
    c.messages.push({
      mt,
      at: str(d.createdAt) ?? e.time,
      eventType: e.type,
      ...(n === undefined ? {} : { n }),
      ...(sender === undefined ? {} : { sender }),
      ...(receiver === undefined ? {} : { receiver }),
    });
  }
};
