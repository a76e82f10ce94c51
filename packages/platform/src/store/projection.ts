import { clientOf, type Executor, queryableOf, type Tx } from './db.ts';

export type ProjectionRow<S> = Readonly<{ id: string; version: number; applied: number; state: S; updatedAt: string }>;

type Known = Readonly<{ version: number; state: unknown }> | null;
type Pending = { name: string; id: string; version: number; expected: number; applied: number; state: string };
type Query = (...args: unknown[]) => Promise<unknown>;

/**
 * What one transaction knows of its projection rows: the rows it read (locked) or wrote, and the writes not yet sent.
 * A batch of events about one document reads its row once, and all of a transaction's projection writes go in ONE
 * statement: just before the transaction's next other statement, in the same write (a handler's own read sees them),
 * or before COMMIT, whose answer it waits for.
 * Every write is guarded by the version it was computed from; a guard that fails fails the transaction (the inbox
 * consumer then applies the messages one by one), never a lost update.
 */
type TxState = {
  known: Map<string, Known>;
  pending: Map<string, Pending>;
  original: Query;
  client: { query: Query };
};
const states = new WeakMap<object, TxState>();

const LOCK_ROW = {
  name: 'railbill_projection_lock',
  text: 'select version, state from projections where name = $1 and id = $2 for update',
};
const WRITE_ROWS = {
  name: 'railbill_projection_write',
  text: `with e as (
           select * from jsonb_to_recordset($1::jsonb)
             as e(name text, id text, version int, expected int, applied int, state jsonb)),
         up as (
           update projections p
              set version = e.version, applied = p.applied + e.applied, state = e.state, updated_at = now()
             from e
            where e.expected >= 0 and p.name = e.name and p.id = e.id and p.version = e.expected
           returning 1),
         ins as (
           insert into projections (name, id, version, applied, state)
           select name, id, version, applied, state from e where e.expected < 0
           on conflict do nothing
           returning 1)
         select (select count(*) from up)::int + (select count(*) from ins)::int as n`,
};

const textOf = (args: readonly unknown[]): string => {
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text.trimStart().slice(0, 12).toLowerCase() : '';
};

const flush = async (state: TxState): Promise<void> => {
  if (state.pending.size === 0) return;
  const rows = [...state.pending.values()];
  state.pending.clear();
  // each row's state is already JSON text: spliced in as is, not parsed and printed again
  const json = `[${rows
    .map(
      (r) =>
        `{"name":${JSON.stringify(r.name)},"id":${JSON.stringify(r.id)},"version":${r.version},` +
        `"expected":${r.expected},"applied":${r.applied},"state":${r.state}}`,
    )
    .join(',')}]`;
  const written = (await state.original.call(state.client, { ...WRITE_ROWS, values: [json] })) as {
    rows: { n: number }[];
  };
  if (written.rows[0]?.n !== rows.length) throw new Error('a projection row changed under its transaction; retry');
};

/** Takes over the connection's `query` for the rest of the transaction (see `TxState`). */
const stateOf = (tx: Tx): TxState => {
  const client = clientOf(tx) as unknown as { query: Query };
  const existing = states.get(client);
  if (existing !== undefined) return existing;
  const original = client.query;
  const state: TxState = { known: new Map(), pending: new Map(), original, client };
  const end = () => {
    client.query = original;
    states.delete(client);
  };
  client.query = (...args: unknown[]) => {
    const text = textOf(args);
    if (text.startsWith('rollback')) {
      end(); // the writes not sent are dropped with the transaction (or savepoint) they belonged to
      return original.apply(client, args);
    }
    if (text.startsWith('commit')) {
      end();
      // a write whose guard failed must fail the transaction, not be committed without it
      return flush(state).then(() => original.apply(client, args));
    }
    // the writes go out first and the statement right behind them, in the same write; a failed guard fails the
    // statement's caller, and with it the transaction
    const written = flush(state);
    const result = original.apply(client, args) as Promise<unknown>;
    return Promise.all([written, result]).then(([, answer]) => answer);
  };
  states.set(client, state);
  return state;
};

/**
 * Folds one consumed event into a projection row inside the inbox transaction. Events arrive in order per key
 * (Kafka key = document id); an event whose sequence is not newer than the row's is ignored. The write is sent with
 * the transaction's other projection writes (see `TxState`).
 */
export const applyToProjection = async <S>(
  tx: Tx,
  p: Readonly<{ name: string; id: string; sequence: number; fold: (state: S | undefined) => S }>,
): Promise<S | undefined> => {
  const state = stateOf(tx);
  const key = `${p.name}\u0000${p.id}`;
  let current = state.known.get(key);
  if (current === undefined) {
    const found = (await state.original.call(state.client, { ...LOCK_ROW, values: [p.name, p.id] })) as {
      rows: { version: number; state: unknown }[];
    };
    current = found.rows[0] ?? null;
    state.known.set(key, current);
  }
  if (current !== null && p.sequence <= current.version) return undefined;
  const next = p.fold(current?.state as S | undefined);
  const json = JSON.stringify(next);
  const pending = state.pending.get(key);
  state.pending.set(key, {
    name: p.name,
    id: p.id,
    version: p.sequence,
    expected: pending?.expected ?? current?.version ?? -1,
    applied: (pending?.applied ?? 0) + 1,
    state: json,
  });
  state.known.set(key, { version: p.sequence, state: JSON.parse(json) });
  return next;
};

const LOAD_ROW = {
  name: 'railbill_projection_load',
  // the instant as PostgreSQL's text, as drizzle's string mode gives it
  text: `select id, version, applied, state, updated_at::text as "updatedAt" from projections
         where name = $1::text and id = $2::text`,
};

/** A projection row, by a named statement (read on the hot paths: parsed and planned once per connection). */
export const loadProjection = async <S>(
  db: Executor,
  name: string,
  id: string,
): Promise<ProjectionRow<S> | undefined> =>
  (await queryableOf(db).query<ProjectionRow<S>>({ ...LOAD_ROW, values: [name, id] })).rows[0];
