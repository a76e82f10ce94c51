import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from './db.ts';
import { projections } from './schema.ts';

export type ProjectionRow<S> = Readonly<{ id: string; version: number; applied: number; state: S; updatedAt: string }>;

/**
 * Folds one consumed event into a projection row inside the inbox transaction. Events arrive in order per key
 * (Kafka key = document id); an event whose sequence is not newer than the row's is ignored.
 */
export const applyToProjection = async <S>(
  tx: Tx,
  p: Readonly<{ name: string; id: string; sequence: number; fold: (state: S | undefined) => S }>,
): Promise<S | undefined> => {
  const rows = await tx
    .select({ version: projections.version, state: projections.state })
    .from(projections)
    .where(and(eq(projections.name, p.name), eq(projections.id, p.id)))
    .for('update');
  const current = rows[0];
  if (current !== undefined && p.sequence <= current.version) return undefined;
  const state = p.fold(current?.state as S | undefined);
  await tx
    .insert(projections)
    .values({ name: p.name, id: p.id, version: p.sequence, applied: 1, state })
    .onConflictDoUpdate({
      target: [projections.name, projections.id],
      set: { version: p.sequence, applied: sql`${projections.applied} + 1`, state, updatedAt: sql`now()` },
    });
  return state;
};

export const loadProjection = async <S>(
  db: Executor,
  name: string,
  id: string,
): Promise<ProjectionRow<S> | undefined> => {
  const rows = await db
    .select()
    .from(projections)
    .where(and(eq(projections.name, name), eq(projections.id, id)));
  const row = rows[0];
  return row === undefined
    ? undefined
    : { id: row.id, version: row.version, applied: row.applied, state: row.state as S, updatedAt: row.updatedAt };
};
