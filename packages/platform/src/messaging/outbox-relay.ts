import { headerNames } from '@railbill/contracts';
import type { Producer } from 'kafkajs';
import type pg from 'pg';
import { failpoint } from '../failpoint.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import { watchOutboxCommits } from '../store/outbox-signal.ts';
import { BLOCKED_BY, type Blocked, publishScreened, type OutboxRow as ScreenedRow } from './relay-screen.ts';
import { traceHeaders, withPublishSpan } from './trace-context.ts';

export type OutboxRelayDeps = Readonly<{
  db: Db;
  pool: pg.Pool;
  producer: Producer;
  log: Logger;
  /** The longest wait between polls when idle; after activity the relay polls sooner (adaptive), from `minPollMs`. */
  pollMs: number;
  minPollMs?: number;
  batchSize?: number;
  /** Maps the logical topic to the physical one (test prefixes). */
  topicName?: (topic: string) => string;
  onPublished?: (count: number) => void;
  /** The service's dead-letter topic (physical name) for rows the broker can never take. */
  deadLetterTopic?: string;
  /** Defaults to `MAX_MESSAGE_BYTES` (message-size.ts). */
  maxMessageBytes?: number;
}>;

export type OutboxRelay = Readonly<{
  start: () => Promise<void>;
  stop: () => Promise<void>;
  drain: () => Promise<number>;
}>;

/**
 * One unpublished outbox row as the relay reads it: the screen's row (the envelope as stored text, `blocked_by`) and
 * `trace_context`, the trace of the work that wrote it (docs/operations.md "Tracing").
 */
export type OutboxRow = ScreenedRow & Readonly<{ trace_context: string | null }>;

// One relay drains at a time per database: the session advisory lock is the lease, held for one whole drain, so
// several relay instances never publish rows of one key out of order.
const RELAY_LOCK = 0x7261_696c;

const COLUMNS = `id::text as id, topic, key, envelope, headers, trace_context, ${BLOCKED_BY}`;
const SELECT_BATCH = {
  name: 'railbill_relay_select',
  text: `select ${COLUMNS} from outbox
         where published_at is null and outbox.id > $1::bigint order by outbox.id limit $2::int`,
};
/**
 * The lease and the first batch in one round trip: one row with `locked` false when another relay holds the lease;
 * else the batch, or one row of nulls when there is nothing to send (the batch is read only under the lease).
 */
const LOCK_AND_SELECT = {
  name: 'railbill_relay_lock_select',
  // materialized: the lock is taken once (a flattened subquery would call pg_try_advisory_lock twice, and the
  // re-entrant lease would then need two unlocks)
  text: `with lease as materialized (select pg_try_advisory_lock($3::bigint) as locked)
         select lease.locked, batch.* from lease left join lateral (select ${COLUMNS} from outbox
           where lease.locked and published_at is null and outbox.id > $1::bigint order by outbox.id limit $2::int
         ) batch on true`,
};
const MARK_BATCH = {
  name: 'railbill_relay_mark',
  // exactly the rows sent, never a range: a row with an id inside the range may commit after the batch was read
  text: 'update outbox set published_at = now() where id = any($1::bigint[])',
};

/**
 * Publishes committed outbox rows in id order (key = document id), then marks them published. While the broker
 * acknowledges batch N the relay already reads batch N+1, and marks batch N while batch N+1 is sent (sends stay one
 * at a time, so per-key order holds); a crash
 * between the broker's ack and the mark republishes the same event ids: at least once on the wire, consumers
 * deduplicate. The relay is woken in-process after a local commit that wrote outbox rows, and otherwise polls with an
 * adaptive interval (short after activity or a contended lease, up to `pollMs` when idle) for other instances' rows.
 */
export const createOutboxRelay = (deps: OutboxRelayDeps): OutboxRelay => {
  const batchSize = deps.batchSize ?? 500;
  const minPollMs = deps.minPollMs ?? 5;
  const topicName = deps.topicName ?? ((t: string) => t);
  let running = false;
  let wake: (() => void) | undefined;
  let woken = false;
  let loop: Promise<void> | undefined;
  let unwatch: (() => void) | undefined;
  // a connection of its own: the lease is session-level, and the marks need not wait for the WAL flush
  let conn: pg.PoolClient | undefined;

  const connection = async (): Promise<pg.PoolClient> => {
    if (conn !== undefined) return conn;
    const c = await deps.pool.connect();
    try {
      // a mark lost in a crash only republishes events consumers already dedupe: no need to wait for the fsync
      await c.query(`set synchronous_commit = off; set application_name = 'railbill-outbox-relay'`);
    } catch (error) {
      c.release(true);
      throw error;
    }
    conn = c;
    return c;
  };
  const dropConnection = () => {
    conn?.release(true);
    conn = undefined;
  };

  /**
   * Sends a batch in size-bounded sends, each record with the trace of the work that wrote it (not the relay's); a
   * row the broker can never take is dead-lettered with its reason instead of blocking the rest (relay-screen.ts).
   */
  const send = (c: pg.PoolClient, rows: readonly OutboxRow[], blocked: Blocked) =>
    withPublishSpan(rows, (fallback) =>
      publishScreened(
        c,
        deps.producer,
        rows.map((row) => ({ ...row, headers: traceHeaders(row, fallback) })),
        blocked,
        { topicName, log: deps.log, deadLetterTopic: deps.deadLetterTopic, maxBytes: deps.maxMessageBytes },
      ),
    );

  // advisory locks are re-entrant within a session: this instance's drains run one after another
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const done = chain.then(work, work);
    chain = done.catch(() => undefined);
    return done;
  };

  /** One drain under the lease: the rows published, or `undefined` when another relay holds the lease. */
  const drainLeased = (): Promise<number | undefined> => exclusive(drainUnderLease);
  const drainUnderLease = async (): Promise<number | undefined> => {
    const c = await connection();
    try {
      const first = await c.query<{ locked: boolean } & (OutboxRow | { [K in keyof OutboxRow]: null })>({
        ...LOCK_AND_SELECT,
        values: ['0', batchSize, RELAY_LOCK],
      });
      if (first.rows[0]?.locked !== true) return undefined;
      let total = 0;
      try {
        const read = (after: string) =>
          c.query<OutboxRow>({ ...SELECT_BATCH, values: [after, batchSize] }).then((r) => r.rows);
        let batch: readonly OutboxRow[] = first.rows.filter((row): row is typeof row & OutboxRow => row.id !== null);
        // what this drain dead-letters blocks the later rows of its key, in batches read before it (relay-screen.ts)
        const blocked: Blocked = new Map();
        // the marks go on the relay's connection behind the reads; each is awaited before the lease is given back
        let marking: Promise<unknown> = Promise.resolve();
        while (batch.length > 0) {
          const last = (batch.at(-1) as OutboxRow).id;
          // overlap: the next batch is read while the broker acknowledges this one
          const next = batch.length < batchSize ? Promise.resolve([]) : read(last);
          next.catch(() => undefined); // awaited below; a failed send must not leave it unhandled
          await send(c, batch, blocked);
          failpoint('relay.after-send');
          const ids = batch.map((row) => row.id);
          // overlap: this batch is marked while the next one is sent (a crash before the mark republishes it)
          marking = marking.then(() => c.query({ ...MARK_BATCH, values: [ids] }));
          marking.catch(() => undefined);
          total += batch.length;
          deps.onPublished?.(batch.length);
          batch = await next;
        }
        await marking;
        return total;
      } finally {
        await c.query('select pg_advisory_unlock($1::bigint)', [RELAY_LOCK]);
      }
    } catch (error) {
      // the connection's state (and the lease) is unknown: drop it, the server releases the lease with it
      dropConnection();
      throw error;
    }
  };

  /** Drains what is committed now (tests, the bench, the final flush); when not started, it keeps no connection. */
  const drain = async (): Promise<number> => {
    try {
      return (await drainLeased()) ?? 0;
    } finally {
      if (!running) dropConnection();
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        wake = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  const poke = () => {
    if (wake !== undefined) wake();
    else woken = true; // woken while draining: drain again right after
  };

  // published rows are kept a day for inspection, then pruned so the table stays small
  let lastPrune = 0;
  const prune = async () => {
    if (Date.now() - lastPrune < 60_000) return;
    lastPrune = Date.now();
    // dead-lettered rows stay: later events of their key are dead-lettered after them (relay-screen.ts)
    await deps.pool.query(
      `delete from outbox where published_at < now() - interval '1 day' and not headers ? '${headerNames.dlqReason}'`,
    );
  };

  const run = async (): Promise<void> => {
    let backoff = 100;
    let interval = minPollMs;
    while (running) {
      try {
        const published = await drainLeased();
        await prune();
        backoff = 100;
        // activity (rows, or another relay holding the lease) → poll soon; idle → back off to pollMs
        interval = published === undefined || published > 0 ? minPollMs : Math.min(interval * 2, deps.pollMs);
        await sleep(interval);
      } catch (error) {
        deps.log.error({ err: error }, 'outbox relay failed; retrying');
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  };

  return {
    start: async () => {
      running = true;
      unwatch = watchOutboxCommits(deps.pool, poke);
      loop = run();
    },
    stop: async () => {
      running = false;
      unwatch?.();
      wake?.();
      await loop;
      // flush what was committed before the stop (graceful shutdown), then give the connection back
      await drain().catch((error: unknown) => deps.log.error({ err: error }, 'final outbox flush failed'));
    },
    drain,
  };
};
