import { and, eq } from 'drizzle-orm';
import { clientOf, type Executor, type Tx } from './db.ts';
import { projections } from './schema.ts';

export type ProjectionRow<S> = Readonly<{ id: string; version: number; applied: number; state: S; updatedAt: string }>;

type Known = Readonly<{ version: number; state: unknown }> | null;

// Rows this transaction already read or wrote: a batch of events about one document reads its row once. Every write
// is guarded by the version it was computed from, so a stale entry is only ever a retry, never a lost update.
const known = new WeakMap<Tx, Map<string, Known>>();

const LOCK_ROW = {
  name: 'railbill_projection_lock',
  text: 'select version, state from projections where name = $1 and id = $2 for update',
};
const UPSERT_ROW = {
  name: 'railbill_projection_upsert',
  text: `insert into projections (name, id, version, applied, state) values ($1, $2, $3::int, 1, $4::jsonb)
         on conflict (name, id) do update
           set version = excluded.version, applied = projections.applied + 1, state = excluded.state, updated_at = now()
           where projections.version = $5::int
         returning 1 as ok`,
};

/**
 * Folds one consumed event into a projection row inside the inbox transaction. Events arrive in order per key
 * (Kafka key = document id); an event whose sequence is not newer than the row's is ignored.
 */
export const applyToProjection = async <S>(
  tx: Tx,
  p: Readonly<{ name: string; id: string; sequence: number; fold: (state: S | undefined) => S }>,
): Promise<S | undefined> => {
  const client = clientOf(tx);
  let rows = known.get(tx);
  if (rows === undefined) {
    rows = new Map();
    known.set(tx, rows);
  }
  const key = `${p.name}\u0000${p.id}`;
  const lock = async (): Promise<Known> => {
    const found = await client.query<{ version: number; state: unknown }>({ ...LOCK_ROW, values: [p.name, p.id] });
    return found.rows[0] ?? null;
  };
  let current = rows.has(key) ? (rows.get(key) as Known) : await lock();
  for (;;) {
    if (current !== null && p.sequence <= current.version) {
      rows.set(key, current);
      return undefined;
    }
    const state = p.fold(current?.state as S | undefined);
    const json = JSON.stringify(state);
    const written = await client.query({
      ...UPSERT_ROW,
      values: [p.name, p.id, p.sequence, json, current?.version ?? -1],
    });
    if (written.rowCount === 1) {
      rows.set(key, { version: p.sequence, state: JSON.parse(json) });
      return state;
    }
    current = await lock(); // the known row was stale (e.g. written in a savepoint): read it again
  }
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
