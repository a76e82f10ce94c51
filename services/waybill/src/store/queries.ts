import { documentPage, type Executor } from '@railbill/platform';
import { arrayContains, eq, type SQL } from 'drizzle-orm';
import type { State } from '../domain/state.ts';
import { loadFactsOfBills, noClearance, type OtherDocuments } from './facts.ts';
import { waybillIndex } from './schema.ts';

export type BillFilter = Readonly<{
  /** Restricts to bills this party is on; undefined for operators. */
  visibleTo?: string | undefined;
  status?: string | undefined;
  holder?: string | undefined;
  party?: string | undefined;
  place?: string | undefined;
  container?: string | undefined;
  after?: string | undefined;
  limit: number;
}>;

export type ListedBill = Readonly<{
  id: string;
  state: State;
  createdAt: string;
  updatedAt: string;
}> &
  OtherDocuments;

/** One page of bills in creation order (UUIDv7 ids, so the cursor is the last id), with their facts in bulk. */
export const listBills = async (db: Executor, f: BillFilter): Promise<{ items: ListedBill[]; more: boolean }> => {
  const conditions: SQL[] = [];
  if (f.visibleTo !== undefined) conditions.push(arrayContains(waybillIndex.parties, [f.visibleTo]));
  if (f.party !== undefined) conditions.push(arrayContains(waybillIndex.parties, [f.party]));
  if (f.status !== undefined) conditions.push(eq(waybillIndex.status, f.status));
  if (f.holder !== undefined) conditions.push(eq(waybillIndex.holder, f.holder));
  if (f.place !== undefined) conditions.push(arrayContains(waybillIndex.places, [f.place]));
  if (f.container !== undefined) conditions.push(arrayContains(waybillIndex.containers, [f.container]));
  const { rows: page, more } = await documentPage<State>(
    db,
    { table: waybillIndex, id: waybillIndex.waybillId },
    { where: conditions, after: f.after, limit: f.limit },
  );
  const facts = await loadFactsOfBills(
    db,
    page.map((r) => {
      const state = r.state as State;
      return { id: r.id, bill: { content: state.status === 'initial' ? {} : state.content } };
    }),
  );
  const items = page.map((r) => {
    const state = r.state as State;
    const other = facts.get(r.id) ?? { customs: noClearance, creditStatus: null };
    return { id: r.id, state, createdAt: r.createdAt, updatedAt: r.updatedAt, ...other };
  });
  return { items, more };
};
