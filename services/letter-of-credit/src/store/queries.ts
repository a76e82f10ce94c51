import type { LocalDate } from '@railbill/contracts';
import { documentPage, type Executor } from '@railbill/platform';
import { and, arrayContains, asc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { State } from '../domain/state.ts';
import { creditIndex } from './schema.ts';

export type CreditFilter = Readonly<{
  /** Restricts to credits this party is named on; undefined for operators. */
  visibleTo?: string | undefined;
  status?: string | undefined;
  party?: string | undefined;
  number?: string | undefined;
  after?: string | undefined;
  limit: number;
}>;

export type ListedCredit = Readonly<{ id: string; state: State; createdAt: string; updatedAt: string }>;

/** One page of credits in creation order (UUIDv7 ids, so the cursor is the last id). */
export const listCredits = async (db: Executor, f: CreditFilter): Promise<{ items: ListedCredit[]; more: boolean }> => {
  const conditions: SQL[] = [];
  if (f.visibleTo !== undefined) conditions.push(arrayContains(creditIndex.parties, [f.visibleTo]));
  if (f.party !== undefined) conditions.push(arrayContains(creditIndex.parties, [f.party]));
  if (f.status !== undefined) conditions.push(eq(creditIndex.status, f.status));
  if (f.number !== undefined) conditions.push(eq(creditIndex.number, f.number));
  const { rows, more } = await documentPage<State>(
    db,
    { table: creditIndex, id: creditIndex.creditId },
    { where: conditions, after: f.after, limit: f.limit },
  );
  return { items: rows, more };
};

/** Statuses the domain lets expire (a complying or honoured presentation keeps a credit alive). */
const EXPIRABLE = ['issued', 'advised', 'refused'];

/** Credits whose stated expiry date is before `today`; the domain decides whether art. 29(a) still extends it. */
export const overdueCredits = async (db: Executor, today: LocalDate): Promise<readonly string[]> => {
  const rows = await db
    .select({ id: creditIndex.creditId })
    .from(creditIndex)
    .where(and(inArray(creditIndex.status, EXPIRABLE), lt(creditIndex.expiryDate, today)))
    .orderBy(asc(creditIndex.expiryDate));
  return rows.map((r) => r.id);
};
