import type { Db, Logger } from '@railbill/platform';
import type pg from 'pg';
import { type EventItem, eventsAfter, eventsBySeq, seqsAfter } from '../store/queries.ts';
import { EVENTS_CHANNEL } from './record-event.ts';

export type FeedListener = (e: EventItem) => void;

export type EventFeed = Readonly<{
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Every event committed from now on, in the order of its commit; returns the unsubscribe function. */
  subscribe: (listener: FeedListener) => () => void;
  /**
   * The seqs of the rows already committed whose announcement has not been passed on yet: a client that connects now
   * must not get them, they were committed before it connected.
   */
  unannounced: () => Promise<Set<number>>;
}>;

/**
 * One LISTEN connection for the whole service, fanned out to the stream's clients. PostgreSQL delivers a NOTIFY
 * only after its transaction commits, so a client subscribed before a commit sees that event, and no event is
 * dropped between a poll and a subscribe. After a lost connection, the rows received meanwhile are fetched by `seq`.
 */
export const createEventFeed = (deps: Readonly<{ pool: pg.Pool; db: Db; log: Logger }>): EventFeed => {
  const log = deps.log.child({ component: 'event-feed' });
  const listeners = new Set<FeedListener>();
  let client: pg.PoolClient | undefined;
  let stopping = false;
  let lastSeq = 0;
  let pending: number[] = [];
  let flushing: Promise<void> = Promise.resolve();

  const dispatch = (items: readonly EventItem[]) => {
    for (const e of items) {
      lastSeq = Math.max(lastSeq, e.seq);
      for (const l of listeners) l(e);
    }
  };

  const flush = () => {
    const seqs = pending;
    pending = [];
    if (seqs.length === 0) return;
    // chained: batches are dispatched in the order their notifications arrived (= commit order)
    flushing = flushing
      .then(async () => dispatch(await eventsBySeq(deps.db, seqs)))
      .catch((err: unknown) => log.error({ err }, 'could not load announced events'));
  };

  const connect = async (): Promise<void> => {
    const c = await deps.pool.connect();
    c.on('notification', (n) => {
      if (n.channel !== EVENTS_CHANNEL || n.payload === undefined) return;
      pending.push(Number(n.payload));
      if (pending.length === 1) queueMicrotask(flush);
    });
    c.on('error', (err) => {
      if (stopping || client !== c) return;
      log.warn({ err }, 'listen connection lost; reconnecting');
      client = undefined;
      c.release(err);
      setTimeout(() => {
        reconnect().catch((e: unknown) => log.error({ err: e }, 'reconnect failed'));
      }, 1000);
    });
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = c;
  };

  const reconnect = async (): Promise<void> => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await connect();
        // the rows committed while nobody listened
        dispatch(await eventsAfter(deps.db, lastSeq, {}));
        return;
      } catch (err) {
        log.warn({ err, attempt }, 'listen reconnect failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5000)));
      }
    }
  };

  return {
    start: async () => {
      const max = await deps.pool.query<{ m: string | null }>('select max(seq) as m from events');
      lastSeq = Number(max.rows[0]?.m ?? 0);
      await connect();
    },
    stop: async () => {
      stopping = true;
      listeners.clear();
      const c = client;
      client = undefined;
      if (c !== undefined) {
        await c.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => undefined);
        c.release();
      }
      await flushing;
    },
    unannounced: async () => new Set(await seqsAfter(deps.db, lastSeq)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
