import { sql } from 'drizzle-orm';
import type { Producer } from 'kafkajs';
import type pg from 'pg';
import { failpoint } from '../failpoint.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import { outbox } from '../store/schema.ts';
import { listenForOutbox, type OutboxListener } from './outbox-listener.ts';
import { publishScreened } from './relay-screen.ts';
import { traceHeaders, withPublishSpan } from './trace-context.ts';

export type OutboxRelayDeps = Readonly<{
  db: Db;
  pool: pg.Pool;
  producer: Producer;
  log: Logger;
  /** Fallback poll when no NOTIFY arrives (e.g. a missed notification). */
  pollMs: number;
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

// One relay drains at a time per database: the transaction-scoped advisory lock is the lease, so several relay
// instances never publish rows of one key out of order.
const RELAY_LOCK = 0x7261_696c;

/**
 * Publishes committed outbox rows in id order (key = document id), then marks them published. A crash between the
 * broker's ack and the mark republishes the same event ids: at least once on the wire, consumers deduplicate.
 */
export const createOutboxRelay = (deps: OutboxRelayDeps): OutboxRelay => {
  const batchSize = deps.batchSize ?? 500;
  const topicName = deps.topicName ?? ((t: string) => t);
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let listener: OutboxListener | undefined;

  const drainOnce = async (): Promise<number> =>
    deps.db.transaction(async (tx) => {
      // a mark lost in a crash only republishes events consumers already dedupe: no need to wait for the fsync
      const lock = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as locked, set_config('synchronous_commit', 'off', true)`,
      );
      if (lock.rows[0]?.locked !== true) return 0;
      // select and mark in one statement: the marks commit only after the broker acknowledged the batch
      const marked = await tx.execute<{
        id: number;
        topic: string;
        key: string;
        envelope: unknown;
        headers: Record<string, string>;
        trace_context: string | null;
      }>(sql`
        update outbox set published_at = now()
        where id in (select id from outbox where published_at is null order by id limit ${batchSize})
        returning id, topic, key, envelope, headers, trace_context`);
      const rows = [...marked.rows].sort((a, b) => Number(a.id) - Number(b.id));
      if (rows.length === 0) return 0;
      // size-bounded sends; a row the broker would refuse is dead-lettered, not retried forever (relay-screen.ts);
      // each record carries the trace of the work that wrote it, not the relay's
      await withPublishSpan(rows, (fallback) =>
        publishScreened(
          tx,
          deps.producer,
          rows.map((row) => ({ ...row, headers: traceHeaders(row, fallback) })),
          {
            topicName,
            log: deps.log,
            deadLetterTopic: deps.deadLetterTopic,
            maxBytes: deps.maxMessageBytes,
          },
        ),
      );
      failpoint('relay.after-send');
      return rows.length;
    });

  const drain = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await drainOnce();
      total += n;
      if (n > 0) deps.onPublished?.(n);
      if (n < batchSize) return total;
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // published rows are kept a day for inspection, then pruned so the table stays small
  let lastPrune = 0;
  const prune = async () => {
    if (Date.now() - lastPrune < 60_000) return;
    lastPrune = Date.now();
    // dead-lettered rows stay: later events of their key are dead-lettered after them (relay-screen.ts)
    await deps.db.delete(outbox).where(sql`published_at < now() - interval '1 day' and not headers ? 'dlq-reason'`);
  };

  const run = async (): Promise<void> => {
    let backoff = 100;
    while (running) {
      try {
        await drain();
        await prune();
        backoff = 100;
        await sleep(deps.pollMs);
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
      // survives a database restart (outbox-listener.ts)
      listener = listenForOutbox(deps.pool, () => wake?.(), deps.log);
      loop = run();
    },
    stop: async () => {
      running = false;
      wake?.();
      await loop;
      await listener?.stop();
      listener = undefined;
      // flush what was committed before the stop (SPEC §7 graceful shutdown)
      await drain().catch((error: unknown) => deps.log.error({ err: error }, 'final outbox flush failed'));
    },
    drain,
  };
};
