import type { Executor } from '@railbill/platform';
import { and, asc, desc, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import { deadLetters, events } from './schema.ts';

export type EventFilter = Readonly<{ topic?: string; type?: string; subject?: string; correlationId?: string }>;

/** An event as the console answers it. */
export type EventItem = Readonly<{
  id: string;
  seq: number;
  topic: string;
  type: string;
  subject: string;
  correlationId: string;
  time: string;
  sequence: string;
  receivedAt: string;
  envelope: unknown;
}>;

type EventRow = typeof events.$inferSelect;

export const toEventItem = (r: EventRow): EventItem => ({
  id: r.eventId,
  seq: r.seq,
  topic: r.topic,
  type: r.type,
  subject: r.subject,
  correlationId: r.correlationId,
  time: r.time,
  sequence: r.sequence,
  receivedAt: new Date(r.receivedAt).toISOString(),
  envelope: r.envelope,
});

/** The same test as `whereOf`, in memory: the live stream filters what the database announced. */
export const matches = (f: EventFilter, e: EventItem): boolean =>
  (f.topic === undefined || e.topic === f.topic) &&
  (f.type === undefined || e.type === f.type) &&
  (f.subject === undefined || e.subject === f.subject) &&
  (f.correlationId === undefined || e.correlationId === f.correlationId);

const whereOf = (f: EventFilter): SQL[] => [
  ...(f.topic === undefined ? [] : [eq(events.topic, f.topic)]),
  ...(f.type === undefined ? [] : [eq(events.type, f.type)]),
  ...(f.subject === undefined ? [] : [eq(events.subject, f.subject)]),
  ...(f.correlationId === undefined ? [] : [eq(events.correlationId, f.correlationId)]),
];

export type Page<T> = Readonly<{ items: T[]; nextCursor: string | null }>;

export const encodeCursor = (n: number): string => Buffer.from(`s:${n}`, 'utf8').toString('base64url');
/** undefined for a cursor we did not mint. */
export const decodeCursor = (cursor: string): number | undefined => {
  const m = /^s:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m?.[1] === undefined ? undefined : Number(m[1]);
};

/** Which page of a list, newest first: at most `limit` items, all older than the cursor `before`. */
export type PageQuery = Readonly<{ limit: number; before: number | undefined }>;

/** The page of `limit + 1` rows fetched for `q`: its first `limit` items, and the cursor of the next page if any. */
const pageOf = <R, T>(rows: readonly R[], q: PageQuery, toItem: (r: R) => T, keyOf: (item: T) => number): Page<T> => {
  const items = rows.slice(0, q.limit).map(toItem);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
};

/** Newest first (order of receipt); the cursor is the last `seq` of the page. */
export const listEvents = async (db: Executor, f: EventFilter, q: PageQuery): Promise<Page<EventItem>> => {
  const rows = await db
    .select()
    .from(events)
    .where(and(...whereOf(f), ...(q.before === undefined ? [] : [lt(events.seq, q.before)])))
    .orderBy(desc(events.seq))
    .limit(q.limit + 1);
  return pageOf(rows, q, toEventItem, (e) => e.seq);
};

export const eventsBySeq = async (db: Executor, seqs: readonly number[]): Promise<EventItem[]> =>
  seqs.length === 0
    ? []
    : (
        await db
          .select()
          .from(events)
          .where(inArray(events.seq, [...seqs]))
          .orderBy(asc(events.seq))
      ).map(toEventItem);

export const eventsAfter = async (db: Executor, seq: number, f: EventFilter, limit = 1000): Promise<EventItem[]> =>
  (
    await db
      .select()
      .from(events)
      .where(and(gt(events.seq, seq), ...whereOf(f)))
      .orderBy(asc(events.seq))
      .limit(limit)
  ).map(toEventItem);

/** The seqs of the stored events after `seq`. */
export const seqsAfter = async (db: Executor, seq: number): Promise<number[]> =>
  (await db.select({ seq: events.seq }).from(events).where(gt(events.seq, seq))).map((r) => r.seq);

/**
 * A shipment's events: those correlated to it, plus every event of the credits among them (a credit's events carry
 * the credit's own id until a bill names it or is presented under it, docs/contract.md §6). With no credit event correlated
 * yet, the credit named by the bill's `creditNumber` is looked up. In time order, then order of receipt.
 */
export const shipmentEvents = async (db: Executor, correlationId: string): Promise<EventItem[]> => {
  const own = await db.select().from(events).where(eq(events.correlationId, correlationId));
  const creditIds = new Set(own.filter((r) => r.creditNumber !== null).map((r) => r.subject));
  if (creditIds.size === 0) {
    const numbers = own.flatMap((r) => {
      const data = (r.envelope as { data?: { creditNumber?: unknown; changes?: { creditNumber?: unknown } } }).data;
      return [data?.creditNumber, data?.changes?.creditNumber].filter((n): n is string => typeof n === 'string');
    });
    if (numbers.length > 0) {
      const named = await db
        .selectDistinct({ subject: events.subject })
        .from(events)
        .where(and(inArray(events.creditNumber, numbers), eq(events.type, 'lc.issued')));
      for (const r of named) creditIds.add(r.subject);
    }
  }
  const credits =
    creditIds.size === 0
      ? []
      : await db
          .select()
          .from(events)
          .where(inArray(events.subject, [...creditIds]));
  const byId = new Map([...own, ...credits].map((r) => [r.eventId, r]));
  return [...byId.values()]
    .sort((a, b) => (a.time === b.time ? a.seq - b.seq : a.time < b.time ? -1 : 1))
    .map(toEventItem);
};

export type DeadLetterItem = Readonly<{
  id: number;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  reason: string | null;
  headers: Record<string, string>;
  value: string | null;
  deadLetteredAt: string | null;
  receivedAt: string;
}>;

export const listDeadLetters = async (
  db: Executor,
  topic: string | undefined,
  q: PageQuery,
): Promise<Page<DeadLetterItem>> => {
  const rows = await db
    .select()
    .from(deadLetters)
    .where(
      and(
        ...(topic === undefined ? [] : [eq(deadLetters.topic, topic)]),
        ...(q.before === undefined ? [] : [lt(deadLetters.id, q.before)]),
      ),
    )
    .orderBy(desc(deadLetters.id))
    .limit(q.limit + 1);
  return pageOf(
    rows,
    q,
    (r) => ({
      ...r,
      deadLetteredAt: r.deadLetteredAt === null ? null : new Date(r.deadLetteredAt).toISOString(),
      receivedAt: new Date(r.receivedAt).toISOString(),
    }),
    (d) => d.id,
  );
};
