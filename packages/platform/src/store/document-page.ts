import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db.ts';
import { documents } from './schema.ts';

export type DocumentPageRow<S> = Readonly<{ id: string; state: S; createdAt: string; updatedAt: string }>;

/**
 * One page of documents through a service's query index, in id order (UUIDv7: creation order, so the cursor is the
 * last id), fetching one row more to learn whether more follow.
 */
export const documentPage = async <S>(
  db: Executor,
  index: Readonly<{ table: PgTable; id: PgColumn }>,
  q: Readonly<{ where: readonly SQL[]; after?: string | undefined; limit: number }>,
): Promise<{ rows: DocumentPageRow<S>[]; more: boolean }> => {
  const rows = await db
    .select({
      id: documents.id,
      state: documents.state,
      createdAt: documents.createdAt,
      updatedAt: documents.updatedAt,
    })
    .from(index.table)
    .innerJoin(documents, eq(documents.id, index.id))
    .where(and(...q.where, ...(q.after === undefined ? [] : [gt(index.id, q.after)])))
    .orderBy(asc(index.id))
    .limit(q.limit + 1);
  return { rows: rows.slice(0, q.limit).map((r) => ({ ...r, state: r.state as S })), more: rows.length > q.limit };
};
