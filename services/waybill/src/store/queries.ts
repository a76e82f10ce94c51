import { documentPage, type Executor, projections } from '@railbill/platform';
import { and, arrayContains, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { State } from '../domain/state.ts';
import {
  type Clearance,
  CREDIT_PROJECTION,
  type CreditFacts,
  clearanceOf,
  DECLARATION_PROJECTION,
  type DeclarationFacts,
} from './facts.ts';
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
  customs: Clearance;
  creditStatus: string | null;
}>;

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
  const ids = page.map((r) => r.id);
  const declarations =
    ids.length === 0
      ? []
      : await db
          .select({ state: projections.state })
          .from(projections)
          .where(
            and(eq(projections.name, DECLARATION_PROJECTION), inArray(sql`${projections.state}->>'waybillId'`, ids)),
          )
          .orderBy(asc(projections.updatedAt));
  const numbers = page.flatMap((r) => {
    const n = (r.state as { content?: { creditNumber?: string } }).content?.creditNumber;
    return n === undefined ? [] : [n];
  });
  const credits =
    numbers.length === 0
      ? []
      : await db
          .select({ id: projections.id, state: projections.state })
          .from(projections)
          .where(and(eq(projections.name, CREDIT_PROJECTION), inArray(projections.id, numbers)));
  const items = page.map((r) => {
    const state = r.state as State;
    const customs = clearanceOf(
      declarations.map((d) => d.state as DeclarationFacts).filter((d) => d.waybillId === r.id),
    );
    const number = state.status === 'initial' ? undefined : state.content.creditNumber;
    const credit = credits.find((c) => c.id === number)?.state as CreditFacts | undefined;
    return {
      id: r.id,
      state,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      customs,
      creditStatus: credit?.status ?? null,
    };
  });
  return { items, more };
};
