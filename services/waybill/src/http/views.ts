import { holderEntitled } from '../domain/authority.ts';
import type { Bill, Instruction } from '../domain/state.ts';
import type { OtherDocuments } from '../store/facts.ts';
import type { InstructionView, WaybillView } from './schemas.ts';

export const toInstructionView = (i: Instruction): InstructionView => ({ ...i });

/** Maps the bill to its wire shape (docs/contract.md §8). */
export const toView = (
  id: string,
  bill: Bill,
  meta: Readonly<{ createdAt: string; updatedAt: string }>,
  facts: OtherDocuments,
): WaybillView => {
  const { content } = bill;
  return {
    id,
    status: bill.status,
    version: bill.version,
    createdAt: new Date(meta.createdAt).toISOString(),
    updatedAt: new Date(meta.updatedAt).toISOString(),
    ...content,
    legs: content.legs.map((leg) => {
      const transport = bill.legs.find((t) => t.sequence === leg.sequence);
      return { ...leg, status: transport?.status ?? 'planned', milestones: [...(transport?.milestones ?? [])] };
    }),
    ...(bill.billNumber === undefined ? {} : { billNumber: bill.billNumber }),
    ...(bill.holder === undefined ? {} : { holder: bill.holder }),
    orderOf: bill.orderOf ?? null,
    entitled: bill.status === 'issued' && holderEntitled(bill),
    pledge: bill.pledge ?? null,
    instructions: (bill.instructions ?? []).map(toInstructionView),
    stopped: bill.stopped ?? false,
    // a bill stored before the chain recorded kinds shows its old entries as the endorsements they were
    endorsements: bill.endorsements.map((e) => ({ ...e, kind: e.kind ?? 'endorse' })),
    clauses: [...(bill.clauses ?? [])],
    amendmentRequests: bill.amendmentRequests.map((r) => ({
      n: r.n,
      status: r.status,
      changes: r.changes,
      requestedBy: r.requestedBy,
    })),
    customs: facts.customs,
    credit: content.creditNumber === undefined ? null : { number: content.creditNumber, status: facts.creditStatus },
    warnings: [...bill.warnings],
  };
};

/** The view of a bill right after a command: updated at the command's clock reading. */
export const viewOfHandled = (
  h: Readonly<{ id: string; state: Bill; at: string; loaded: Readonly<{ createdAt: string | null }> }>,
  facts: OtherDocuments,
): WaybillView => toView(h.id, h.state, { createdAt: h.loaded.createdAt ?? h.at, updatedAt: h.at }, facts);
