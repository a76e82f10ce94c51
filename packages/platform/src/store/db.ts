import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { tracePool } from '../tracing/pg.ts';

export type Db = NodePgDatabase;
/** A drizzle transaction: every write of a state change, its events and its outbox rows goes through one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

// Instants and numerics come back as strings: no Date or float crosses into the domain (docs/architecture.md §3).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

type Query = (...args: unknown[]) => unknown;

const isBegin = (args: readonly unknown[]): boolean => {
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  const values = typeof first === 'object' ? (first as { values?: unknown[] }).values : args[1];
  return (
    typeof text === 'string' &&
    text.trim().toLowerCase() === 'begin' &&
    (values === undefined || (Array.isArray(values) && values.length === 0)) &&
    typeof args.at(-1) !== 'function'
  );
};

const BEGUN = { command: 'BEGIN', rowCount: null, oid: 0, rows: [], fields: [] };
const pendingBegins = new WeakMap<object, Promise<unknown>>();

type Corkable = Readonly<{ cork: () => void; uncork: () => void }>;
const corked = new WeakSet<object>();

/**
 * The statements a connection is given in one turn of the event loop leave in one write: the socket is corked at the
 * first and uncorked once the turn's promise continuations have run (`process.nextTick`). A `BEGIN` and the statement
 * after it, or statements started together without awaiting each other, cost one system call instead of one each
 * (socket writes were the largest single frame of every service's CPU profile, bench/README.md).
 */
const corkTurn = (client: pg.PoolClient): void => {
  const stream = (client as unknown as { connection?: { stream?: Corkable } }).connection?.stream;
  if (stream === undefined || typeof stream.cork !== 'function' || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
};

/**
 * `BEGIN` travels with the transaction's first statement, in one write (`corkTurn`): the pool's connections pipeline
 * (pg's `pipeline` mode: a query is written at once, answers are matched in order), and a `BEGIN` is answered at once
 * while it is on the wire; the next query on the connection waits for its real answer too, so a failed `BEGIN` fails
 * that query. Every transaction saves one round trip (bench/README.md).
 */
const pipelineBegin = (client: pg.PoolClient): void => {
  const send = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    corkTurn(client);
    const begun = pendingBegins.get(client);
    if (isBegin(args) && begun === undefined) {
      const sent = send(...args) as Promise<unknown>;
      sent.catch(() => undefined); // reported by the next query
      pendingBegins.set(client, sent);
      return Promise.resolve(BEGUN);
    }
    pendingBegins.delete(client);
    const result = send(...args);
    if (begun === undefined || !(result instanceof Promise)) return result;
    return begun.then(
      () => result,
      (error: unknown) => {
        result.catch(() => undefined);
        throw error;
      },
    );
  };
};

export const createPool = (connectionString: string, max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString, max, application_name: 'railbill', pipeline: true });
  pool.on('error', () => {
    // idle-client errors (e.g. server restart) surface on the next query; the pool replaces the client
  });
  pool.on('connect', pipelineBegin);
  // a connection given back with its BEGIN unanswered by any later query: the next borrower must not inherit it
  pool.on('release', (_error: Error | undefined, client: object) => {
    pendingBegins.delete(client);
  });
  tracePool(pool);
  // a checked-out client between two queries (a transaction awaiting the broker, say) emits its lost connection as
  // an `error` event, which unhandled crashed the process on a database restart (docs/reliability.md): its next
  // query fails instead, and the pool drops it when it is released with that error
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
};

export const createDb = (pool: pg.Pool): Db => drizzle(pool);

/**
 * The node-postgres connection under a drizzle transaction, for the hot path's named (prepared) statements: drizzle
 * sends its queries unnamed, so PostgreSQL parses and plans each again (bench/README.md).
 */
export const clientOf = (tx: Tx): pg.ClientBase => queryableOf(tx) as pg.ClientBase;

/**
 * What runs a named statement for an executor: the transaction's connection, or the pool for the database (a
 * pooled client per query, each preparing the statement once). Both are drizzle's node-postgres session client.
 */
export const queryableOf = (db: Executor): Pick<pg.Pool, 'query'> => {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof (client as pg.Pool | undefined)?.query !== 'function')
    throw new Error('expected a node-postgres executor');
  return client as pg.Pool;
};

const names = new Map<string, string>();

/** A stable name per statement text: node-postgres prepares a named statement once per connection. */
export const statementName = (text: string): string => {
  let name = names.get(text);
  if (name === undefined) {
    name = `railbill_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
};

/** Creates the database named in the URL if it is missing (docs/contract.md §7: one database per service, created on start). */
export const ensureDatabase = async (connectionString: string): Promise<void> => {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to create database with unusual name ${name}`);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } catch (error) {
        // another process created it at the same moment
        if ((error as { code?: string }).code !== '42P04' && (error as { code?: string }).code !== '23505') throw error;
      }
    }
  } finally {
    await admin.end();
  }
};

/** The platform tables' migrations (documents, events, outbox, inbox, idempotency keys, projections). */
export const platformMigrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Migrates a service's database: the platform tables first, journalled in `__platform_migrations`, then the
 * service's own tables (drizzle's default journal). Platform tables are defined and migrated in one place.
 */
export const runMigrations = async (db: Db, serviceMigrationsFolder?: string): Promise<void> => {
  await migrate(db, { migrationsFolder: platformMigrationsFolder, migrationsTable: '__platform_migrations' });
  if (serviceMigrationsFolder !== undefined) await migrate(db, { migrationsFolder: serviceMigrationsFolder });
};
