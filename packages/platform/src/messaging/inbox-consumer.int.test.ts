import { WAYBILL_TOPIC } from '@railbill/contracts';
import { createTestTopics, eventually, prefixed, recordTopics, testPrefix } from '@railbill/testkit';
import { messagingTestBed } from '@railbill/testkit/vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createDb, createPool } from '../store/db.ts';
import { createInboxConsumer, PermanentFailure } from './inbox-consumer.ts';
import { createIdempotentProducer, dlqTopicOf } from './kafka.ts';

const bed = messagingTestBed();
const { kafka, log, voidedValue } = bed;
let pool: ReturnType<typeof createPool>;
let db: ReturnType<typeof createDb>;

const effects = async (subject: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from effects where subject = ${subject}`)).rows[0]
    ?.n ?? 0;

/** Runs a consumer on a fresh topic and group; the handler records an effect row per applied message. */
const harness = async (failFirst: (subject: string) => Error | undefined = () => undefined) => {
  const prefix = testPrefix();
  const topic = prefixed(prefix);
  await createTestTopics(kafka, [topic(WAYBILL_TOPIC), topic(dlqTopicOf('tester'))]);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const failed = new Set<string>();
  const consumer = createInboxConsumer({
    kafka,
    db,
    producer,
    log,
    group: 'tester',
    topicName: topic,
    maxAttempts: 3,
    handlers: {
      [WAYBILL_TOPIC]: async (tx, event) => {
        const subject = event.envelope.subject;
        const failure = failed.has(subject) ? undefined : failFirst(subject);
        if (failure !== undefined) {
          failed.add(subject);
          throw failure;
        }
        await tx.execute(sql`insert into effects (subject) values (${subject})`);
      },
    },
  });
  await consumer.start();
  const dlq = await recordTopics(kafka, [topic(dlqTopicOf('tester'))]);
  const send = (key: string, value: string) =>
    producer.send({ topic: topic(WAYBILL_TOPIC), messages: [{ key, value }] });
  /** Several records in one produce request: one fetched batch for the consumer. */
  const sendAll = (messages: { key: string; value: string }[]) =>
    producer.send({ topic: topic(WAYBILL_TOPIC), messages });
  return {
    send,
    sendAll,
    dlq: dlq.received,
    stop: async () => {
      await consumer.stop();
      await dlq.stop();
      await producer.disconnect();
    },
  };
};

beforeAll(async () => {
  ({ pool, db } = await bed.start());
  await db.execute(sql`create table effects (subject text not null)`);
  return () => pool.end();
});

describe('the inbox consumer', () => {
  it('applies a redelivered event once', async () => {
    const h = await harness();
    try {
      const subject = uuidv7();
      const id = uuidv7();
      const value = voidedValue(subject, { voidedBy: 'x' }, id);
      await h.send(subject, value);
      await h.send(subject, value);
      await h.send(subject, voidedValue(subject, { voidedBy: 'x' }));
      await eventually(async () => ((await effects(subject)) === 2 ? true : undefined));
      const inboxRows = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from inbox where event_id = ${id}`,
      );
      expect(inboxRows.rows[0]?.n).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it('sends a poison message to the DLQ with its reason and moves on to the next one', async () => {
    const h = await harness();
    try {
      const subject = uuidv7();
      await h.send(subject, '{not json');
      await h.send(subject, voidedValue(subject, { voidedBy: 42 }));
      await h.send(subject, voidedValue(subject, { voidedBy: 'next' }));
      await eventually(async () => ((await effects(subject)) === 1 ? true : undefined));
      const dead = await eventually(async () => (h.dlq.length >= 2 ? h.dlq : undefined));
      expect(dead.map((m) => m.headers['dlq-reason'])).toEqual([
        'record value is not JSON',
        expect.stringContaining('invalid data for waybill.voided: voidedBy'),
      ]);
      expect(dead[0]?.value).toBe('{not json');
      expect(dead[0]?.headers['dlq-original-topic']).toContain(WAYBILL_TOPIC);
    } finally {
      await h.stop();
    }
  });

  it('dead-letters a permanent failure at once and retries a transient one', async () => {
    const permanent = uuidv7();
    const transient = uuidv7();
    const h = await harness((s) =>
      s === permanent
        ? new PermanentFailure('the domain refused it')
        : s === transient
          ? new Error('deadlock detected')
          : undefined,
    );
    try {
      await h.send(permanent, voidedValue(permanent, { voidedBy: 'a' }));
      await h.send(transient, voidedValue(transient, { voidedBy: 'b' }));
      await eventually(async () => ((await effects(transient)) === 1 ? true : undefined));
      const dead = await eventually(async () => h.dlq.find((m) => m.key === permanent));
      expect(dead.headers['dlq-reason']).toBe('PermanentFailure: the domain refused it');
      expect(await effects(permanent)).toBe(0);
      expect(h.dlq.some((m) => m.key === transient)).toBe(false);
    } finally {
      await h.stop();
    }
  });

  it('applies the rest of a fetched batch once when one of its messages is poison', async () => {
    const key = uuidv7();
    const poison = uuidv7();
    const h = await harness((s) => (s === poison ? new PermanentFailure('the domain refused it') : undefined));
    try {
      const subjects = Array.from({ length: 20 }, () => uuidv7());
      const batch = subjects.map((subject, i) => ({
        key,
        value: voidedValue(i === 10 ? poison : subject, { voidedBy: 'x' }),
      }));
      await h.sendAll([...batch, batch[3] as { key: string; value: string }]);
      await eventually(async () => {
        const n = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from effects where subject in ${subjects}`,
        );
        return n.rows[0]?.n === 19 ? true : undefined;
      });
      const dead = await eventually(async () => h.dlq.find((m) => m.key === key));
      expect(dead.headers['dlq-reason']).toBe('PermanentFailure: the domain refused it');
      await new Promise((r) => setTimeout(r, 500)); // a duplicate effect would show up by now
      for (const [i, subject] of subjects.entries()) expect(await effects(subject)).toBe(i === 10 ? 0 : 1);
      expect(await effects(poison)).toBe(0);
      expect(h.dlq.filter((m) => m.key === key)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
