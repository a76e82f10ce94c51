import { CloudEvent, parseEnvelope, WAYBILL_TOPIC } from '@railbill/contracts';
import { eventually, recordTopics } from '@railbill/testkit';
import { messagingTestBed } from '@railbill/testkit/vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createDb, createPool } from '../store/db.ts';
import { commitEvents } from '../store/event-store.ts';
import { createIdempotentProducer } from './kafka.ts';
import { createOutboxRelay } from './outbox-relay.ts';

const bed = messagingTestBed();
const { kafka, topic, log } = bed;
let pool: ReturnType<typeof createPool>;
let db: ReturnType<typeof createDb>;

const voided = (documentId: string, expectedVersion: number) => ({
  documentId,
  kind: 'waybill',
  expectedVersion,
  status: 'void',
  state: { n: expectedVersion + 1 },
  correlationId: documentId,
  topic: WAYBILL_TOPIC,
  source: '/railbill/test',
  at: new Date().toISOString(),
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  events: [{ id: uuidv7(), type: 'waybill.voided', time: new Date().toISOString(), data: { voidedBy: 'shipper-1' } }],
});

const outboxCount = async (documentId: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where key = ${documentId}`)).rows[0]?.n;

beforeAll(async () => {
  ({ pool, db } = await bed.start([WAYBILL_TOPIC]));
  return () => pool.end();
});

describe('the transactional outbox', () => {
  it('leaves no event when the state change rolls back', async () => {
    const id = uuidv7();
    await expect(
      db.transaction(async (tx) => {
        await commitEvents(tx, voided(id, 0));
        throw new Error('the handler failed after writing');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await outboxCount(id)).toBe(0);
    const docs = await db.execute<{ n: number }>(sql`select count(*)::int as n from documents where id = ${id}`);
    expect(docs.rows[0]?.n).toBe(0);
  });

  it('refuses a stale version and writes nothing', async () => {
    const id = uuidv7();
    await db.transaction((tx) => commitEvents(tx, voided(id, 0)));
    await expect(db.transaction((tx) => commitEvents(tx, voided(id, 0)))).rejects.toMatchObject({
      error: { kind: 'conflict', code: 'version-conflict' },
    });
    expect(await outboxCount(id)).toBe(1);
  });

  it('publishes exactly one valid CloudEvents envelope per committed event, keyed by document id', async () => {
    const id = uuidv7();
    await db.transaction((tx) => commitEvents(tx, voided(id, 0)));
    const recorder = await recordTopics(kafka, [topic(WAYBILL_TOPIC)]);
    const { relay, stop } = await bed.relayOn({ db, pool, pollMs: 50 });
    await relay.start();
    try {
      const mine = await eventually(async () => {
        const found = recorder.received.filter((m) => m.key === id);
        return found.length > 0 ? found : undefined;
      });
      await new Promise((r) => setTimeout(r, 300)); // allow a duplicate to show up if there were one
      expect(recorder.received.filter((m) => m.key === id)).toHaveLength(1);
      const envelope = CloudEvent.parse(JSON.parse(mine[0]?.value ?? ''));
      expect(envelope).toMatchObject({
        specversion: '1.0',
        subject: id,
        type: 'waybill.voided',
        sequence: '0000000001',
        correlationid: id,
      });
      expect(parseEnvelope(mine[0]?.value ?? '').ok).toBe(true);
      expect(mine[0]?.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');
      expect(mine[0]?.headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      const unpublished = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from outbox where key = ${id} and published_at is null`,
      );
      expect(unpublished.rows[0]?.n).toBe(0);
    } finally {
      await stop();
      await recorder.stop();
    }
  });

  it('keeps per-key order when several relays drain at once', async () => {
    const keys = [uuidv7(), uuidv7(), uuidv7()];
    const perKey = 40;
    for (let v = 0; v < perKey; v++)
      for (const id of keys) await db.transaction((tx) => commitEvents(tx, voided(id, v)));
    const recorder = await recordTopics(kafka, [topic(WAYBILL_TOPIC)]);
    const producers = [createIdempotentProducer(kafka), createIdempotentProducer(kafka)];
    await Promise.all(producers.map((p) => p.connect()));
    const relays = producers.map((producer) =>
      createOutboxRelay({ db, pool, producer, log, pollMs: 20, batchSize: 7, topicName: topic }),
    );
    await Promise.all(relays.map((r) => r.start()));
    try {
      await eventually(async () =>
        recorder.received.filter((m) => keys.includes(m.key ?? '')).length >= keys.length * perKey ? true : undefined,
      );
      for (const id of keys) {
        const sequences = recorder.received
          .filter((m) => m.key === id)
          .map((m) => CloudEvent.parse(JSON.parse(m.value)).sequence);
        expect(sequences).toEqual([...sequences].sort());
        expect(new Set(sequences).size).toBe(perKey);
      }
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await Promise.all(producers.map((p) => p.disconnect()));
      await recorder.stop();
    }
  });
});
