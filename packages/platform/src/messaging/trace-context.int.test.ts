import { randomBytes } from 'node:crypto';
import { WAYBILL_TOPIC } from '@railbill/contracts';
import { eventually, recordTopics } from '@railbill/testkit';
import { messagingTestBed } from '@railbill/testkit/vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { createDb, createPool } from '../store/db.ts';
import { type Commit, commitEvents } from '../store/event-store.ts';
import { context, contextFromHeaders, isValidTraceparent, traceIdOf } from '../tracing/context.ts';
import { startTracing } from '../tracing/setup.ts';
import { createInboxConsumer, PermanentFailure } from './inbox-consumer.ts';
import { createIdempotentProducer, dlqTopicOf } from './kafka.ts';

// docs/operations.md "Tracing": the trace of the work that wrote an outbox row travels with its record, and a
// consumer continues it for the events it causes.
const bed = messagingTestBed();
const { kafka, topic, log } = bed;
const OTHER_TOPIC = 'lc.events.v1';
let pool: ReturnType<typeof createPool>;
let db: ReturnType<typeof createDb>;

const newTraceparent = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;

const voided = (documentId: string, onTopic: string, traceparent?: string): Commit => ({
  documentId,
  kind: 'waybill',
  expectedVersion: 0,
  status: 'void',
  state: {},
  correlationId: documentId,
  topic: onTopic,
  source: '/railbill/test',
  at: new Date().toISOString(),
  ...(traceparent === undefined ? {} : { traceparent }),
  events: [{ id: uuidv7(), type: 'waybill.voided', time: new Date().toISOString(), data: { voidedBy: 'shipper-1' } }],
});

const storedTrace = async (documentId: string) =>
  (await db.execute<{ trace_context: string | null }>(sql`select trace_context from outbox where key = ${documentId}`))
    .rows[0]?.trace_context;

beforeAll(async () => {
  startTracing('test');
  ({ pool, db } = await bed.start([WAYBILL_TOPIC, OTHER_TOPIC, dlqTopicOf('tracer')]));
  return () => pool.end();
});

describe('trace context through the outbox', () => {
  it('stores the active trace with each row and sends it, not the relay’s, as the traceparent header', async () => {
    const incoming = newTraceparent();
    const inRequest = uuidv7();
    await context.with(contextFromHeaders({ traceparent: incoming }), () =>
      db.transaction((tx) => commitEvents(tx, voided(inRequest, WAYBILL_TOPIC))),
    );
    const given = newTraceparent();
    const withGiven = uuidv7();
    await db.transaction((tx) => commitEvents(tx, voided(withGiven, WAYBILL_TOPIC, given)));
    const untraced = uuidv7();
    await db.transaction((tx) => commitEvents(tx, voided(untraced, WAYBILL_TOPIC)));
    // a row written before the trace column existed
    const legacy = uuidv7();
    await db.execute(sql`insert into outbox (event_id, topic, key, envelope, headers)
      values (${uuidv7()}, ${WAYBILL_TOPIC}, ${legacy}, '{}', '{}'::jsonb)`);

    const stored = await storedTrace(inRequest);
    expect(traceIdOf(stored)).toBe(traceIdOf(incoming));
    expect(stored?.slice(36, 52)).not.toBe(incoming.slice(36, 52)); // the commit's own span, a child
    expect(traceIdOf(await storedTrace(withGiven))).toBe(traceIdOf(given));
    expect(isValidTraceparent(await storedTrace(untraced))).toBe(true); // a trace started by the commit
    expect(traceIdOf(await storedTrace(untraced))).not.toBe(traceIdOf(incoming));

    const recorder = await recordTopics(kafka, [topic(WAYBILL_TOPIC)]);
    const { relay, stop } = await bed.relayOn({ db, pool, pollMs: 50 });
    await relay.start();
    try {
      const keys = [inRequest, withGiven, untraced, legacy];
      const records = await eventually(async () => {
        const found = keys.map((k) => recorder.received.find((m) => m.key === k));
        return found.every((m) => m !== undefined) ? found.map((m) => m?.headers.traceparent) : undefined;
      });
      expect(records.map((t) => isValidTraceparent(t))).toEqual([true, true, true, true]);
      expect(records[0]).toBe(stored);
      expect(records[1]).toBe(await storedTrace(withGiven));
      expect(records[2]).toBe(await storedTrace(untraced));
      expect(new Set(records.map(traceIdOf)).size).toBe(4);
    } finally {
      await stop();
      await recorder.stop();
    }
  });

  it('continues the consumed record’s trace for the events it causes and for its dead letters', async () => {
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const consumer = createInboxConsumer({
      kafka,
      db,
      producer,
      log,
      group: 'tracer',
      topicName: topic,
      maxAttempts: 1,
      handlers: {
        [WAYBILL_TOPIC]: async (tx, event) => {
          const { voidedBy } = event.envelope.data as { voidedBy: string };
          // the records the test above published on this topic are not this test's
          if (voidedBy === 'shipper-1') return;
          if (voidedBy === 'refused') throw new PermanentFailure('refused');
          await commitEvents(tx, voided(event.envelope.subject, OTHER_TOPIC));
        },
      },
    });
    await consumer.start();
    const dlq = await recordTopics(kafka, [topic(dlqTopicOf('tracer'))]);
    const send = (subject: string, voidedBy: string, traceparent?: string) =>
      producer.send({
        topic: topic(WAYBILL_TOPIC),
        messages: [
          {
            key: subject,
            value: bed.voidedValue(subject, { voidedBy }),
            ...(traceparent === undefined ? {} : { headers: { traceparent } }),
          },
        ],
      });
    try {
      const producing = newTraceparent();
      const caused = uuidv7();
      await send(caused, 'carrier', producing);
      const refusedTrace = newTraceparent();
      const refused = uuidv7();
      await send(refused, 'refused', refusedTrace);
      const bare = uuidv7();
      await send(bare, 'refused');

      const stored = await eventually(() => storedTrace(caused).then((t) => t ?? undefined), 30_000);
      expect(traceIdOf(stored)).toBe(traceIdOf(producing));
      const dead = await eventually(async () => {
        const a = dlq.received.find((m) => m.key === refused);
        const b = dlq.received.find((m) => m.key === bare);
        return a !== undefined && b !== undefined ? [a, b] : undefined;
      }, 30_000);
      expect(traceIdOf(dead[0]?.headers.traceparent)).toBe(traceIdOf(refusedTrace));
      expect(isValidTraceparent(dead[1]?.headers.traceparent)).toBe(true);
    } finally {
      await consumer.stop();
      await dlq.stop();
      await producer.disconnect();
    }
  });
});
