import { WAYBILL_TOPIC } from '@railbill/contracts';
import { eventually, recordTopics } from '@railbill/testkit';
import { messagingTestBed } from '@railbill/testkit/vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createDb, createPool } from '../store/db.ts';
import { commitEvents } from '../store/event-store.ts';
import { dlqTopicOf } from './kafka.ts';

// Regression (issue #16, defect 2): one row the broker refused (too large) blocked every later row of the outbox.
const bed = messagingTestBed();
const { kafka, topic } = bed;
let pool: ReturnType<typeof createPool>;
let db: ReturnType<typeof createDb>;

const commit = (documentId: string, expectedVersion: number, data: unknown) =>
  db.transaction((tx) =>
    commitEvents(tx, {
      documentId,
      kind: 'waybill',
      expectedVersion,
      status: 'submitted',
      state: {},
      correlationId: documentId,
      topic: WAYBILL_TOPIC,
      source: '/railbill/test',
      at: new Date().toISOString(),
      events: [{ id: uuidv7(), type: 'waybill.amended', time: new Date().toISOString(), data }],
    }),
  );

const deadLettered = async (key: string) =>
  (
    await db.execute<{ reason: string | null; published: boolean }>(
      sql`select headers->>'dlq-reason' as reason, published_at is not null as published from outbox
          where key = ${key} order by id`,
    )
  ).rows;

/** A relay of this database's outbox to a broker taking at most 4000 bytes a record, run by `drain` only. */
const startRelay = (o: Readonly<{ deadLetterTopic?: string }> = {}) =>
  bed.relayOn({ db, pool, pollMs: 60_000, maxMessageBytes: 4000, ...o });

beforeAll(async () => {
  ({ pool, db } = await bed.start([WAYBILL_TOPIC, dlqTopicOf('tester')]));
  return () => pool.end();
});

describe('the outbox relay facing a row the broker refuses', () => {
  it('dead-letters it with the reason, keeps its key in order behind it, and publishes every other row', async () => {
    const [small, big, after] = [uuidv7(), uuidv7(), uuidv7()];
    await commit(small, 0, { n: 1 });
    await commit(big, 0, { text: 'x'.repeat(6000) });
    await commit(big, 1, { n: 2 });
    await commit(after, 0, { n: 3 });
    const events = await recordTopics(kafka, [topic(WAYBILL_TOPIC)]);
    const dlq = await recordTopics(kafka, [topic(dlqTopicOf('tester'))]);
    const { relay, stop } = await startRelay({ deadLetterTopic: topic(dlqTopicOf('tester')) });
    try {
      await relay.drain();
      const keys = await eventually(async () => {
        const got = events.received.map((e) => e.key);
        return got.includes(small) && got.includes(after) ? got : undefined;
      });
      expect(keys).not.toContain(big);

      const rows = await deadLettered(big);
      expect(rows).toHaveLength(2);
      expect(rows[0]?.reason).toMatch(/^the record is \d+ bytes; the broker takes at most 4000$/);
      expect(rows[1]?.reason).toMatch(/of the same key was dead-lettered before it/);
      expect(rows.every((r) => r.published)).toBe(true);
      const stubs = await eventually(async () => (dlq.received.length >= 2 ? dlq.received : undefined));
      expect(stubs.map((s) => s.key)).toEqual([big, big]);
      expect(stubs[0]?.headers['dlq-reason']).toBe(rows[0]?.reason);
      expect(JSON.parse(stubs[0]?.value ?? '{}')).toMatchObject({ type: 'waybill.amended', subject: big });

      // a later event of that key follows the earlier ones to the DLQ; other keys flow on
      const later = uuidv7();
      await commit(big, 2, { n: 4 });
      await commit(later, 0, { n: 5 });
      await relay.drain();
      await eventually(async () => (events.received.some((e) => e.key === later) ? true : undefined));
      expect((await deadLettered(big)).map((r) => r.reason !== null)).toEqual([true, true, true]);
      expect(events.received.filter((e) => e.key === big)).toEqual([]);
      const unpublished = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from outbox where published_at is null`,
      );
      expect(unpublished.rows[0]?.n).toBe(0);
    } finally {
      await stop();
      await events.stop();
      await dlq.stop();
    }
  });

  it('sends a batch larger than one message in size-bounded sends', async () => {
    const ids = Array.from({ length: 12 }, () => uuidv7());
    for (const id of ids) await commit(id, 0, { text: 'y'.repeat(1500) });
    const events = await recordTopics(kafka, [topic(WAYBILL_TOPIC)]);
    const { relay, stop } = await startRelay();
    try {
      await relay.drain();
      await eventually(async () => (ids.every((id) => events.received.some((e) => e.key === id)) ? true : undefined));
      for (const id of ids) expect((await deadLettered(id))[0]?.reason).toBeNull();
    } finally {
      await stop();
      await events.stop();
    }
  });
});
