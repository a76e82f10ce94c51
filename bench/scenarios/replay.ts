import { buildEnvelope, parseEnvelope, WAYBILL_TOPIC } from '@railbill/contracts';
import {
  applyToProjection,
  createDb,
  createIdempotentProducer,
  createInboxConsumer,
  createLogger,
  createPool,
  dlqTopicOf,
} from '@railbill/platform';
import { createTestTopics } from '@railbill/testkit';
import type { BenchContext } from '../lib/context.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { scratchDatabase } from '../lib/scratch.ts';
import { rate, ratio, until, wallMs } from '../lib/stats.ts';

const EVENTS_PER_DOCUMENT = 10;
const GROUP = 'bench-replay';

/** Small valid `waybill.voided` envelopes, `EVENTS_PER_DOCUMENT` per document in sequence order, keyed by document. */
const produceEvents = async (ctx: BenchContext, topic: string, total: number) => {
  const producer = ctx.kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const run = Date.now().toString(16).padStart(12, '0').slice(-12);
  const message = (i: number) => {
    const doc = Math.floor(i / EVENTS_PER_DOCUMENT);
    const subject = `0190${run.slice(0, 4)}-${run.slice(4, 8)}-7${run.slice(8, 11)}-8000-${doc.toString(16).padStart(12, '0')}`;
    const id = `0190${run.slice(0, 4)}-${run.slice(4, 8)}-7${run.slice(8, 11)}-9000-${i.toString(16).padStart(12, '0')}`;
    const envelope = buildEnvelope({
      id,
      source: '/railbill/waybill',
      type: 'waybill.voided',
      subject,
      time: new Date().toISOString(),
      version: (i % EVENTS_PER_DOCUMENT) + 1,
      correlationId: subject,
      data: { voidedBy: 'bench-carrier', reason: 'replay benchmark' },
    });
    return { key: subject, value: JSON.stringify(envelope) };
  };
  const first = parseEnvelope(message(0).value);
  if (!first.ok) throw new Error(`replay envelope is invalid: ${first.reason}`);
  for (let i = 0; i < total; i += 2000) {
    const messages = Array.from({ length: Math.min(2000, total - i) }, (_, j) => message(i + j));
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
  return Buffer.byteLength(message(0).value);
};

/** Counts processed messages; the rate is taken from the first message seen to the last (group join excluded). */
const counter = () => {
  let n = 0;
  let first = 0;
  let last = 0;
  return {
    hit: () => {
      const now = wallMs();
      if (n++ === 0) first = now;
      last = now;
    },
    count: () => n,
    perSecond: () => rate(Math.max(0, n - 1), last - first),
    ms: () => Math.round(last - first),
  };
};

const rawConsume = async (ctx: BenchContext, topic: string, total: number, boundMs: number) => {
  const seen = counter();
  const consumer = ctx.kafka.consumer({ groupId: `${topic}.raw` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ partitionsConsumedConcurrently: 3, eachMessage: async () => seen.hit() });
  await until(async () => seen.count() >= total, boundMs, 50);
  await consumer.disconnect();
  return { consumed: seen.count(), ms: seen.ms(), perSecond: seen.perSecond() };
};

/**
 * Scenario 4: rebuilding a projection from a topic: `createInboxConsumer` applying `applyToProjection` into a scratch
 * database, for a bounded time. Baseline: a raw kafkajs consumer of the same topic doing nothing.
 */
export const replayScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const started = wallMs();
  const total = ctx.quick ? 20_000 : 100_000;
  const boundMs = ctx.quick ? 40_000 : 150_000;
  const topicName = (t: string) => ctx.topic(`replay.${t}`);
  const topic = topicName(WAYBILL_TOPIC);
  await createTestTopics(ctx.kafka, [topic, topicName(dlqTopicOf(GROUP))]);
  const produceStart = wallMs();
  const messageBytes = await produceEvents(ctx, topic, total);
  const produceMs = Math.round(wallMs() - produceStart);

  const raw = await rawConsume(ctx, topic, total, boundMs);

  const url = ctx.own(await scratchDatabase(ctx.serverUrl, 'replay', true));
  const pool = createPool(url);
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  const seen = counter();
  const outcomes: Record<string, number> = {};
  const consumer = createInboxConsumer({
    kafka: ctx.kafka,
    db: createDb(pool),
    producer,
    log: createLogger('bench-replay', 'silent'),
    group: GROUP,
    topicName,
    handlers: {
      [WAYBILL_TOPIC]: async (tx, { envelope }) => {
        await applyToProjection<{ events: number; last: string }>(tx, {
          name: 'bench',
          id: envelope.subject,
          sequence: Number(envelope.sequence),
          fold: (s) => ({ events: (s?.events ?? 0) + 1, last: envelope.type }),
        });
      },
    },
    onProcessed: (outcome) => {
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      seen.hit();
    },
  });
  await consumer.start();
  const complete = await until(async () => seen.count() >= total, boundMs, 100);
  await consumer.stop();
  await producer.disconnect();
  await pool.end();

  const perSecond = seen.perSecond();
  const r = ratio(perSecond, raw.perSecond);
  return {
    name: 'replay',
    seconds: Math.round((wallMs() - started) / 1000),
    rows: [
      {
        measure: 'projection rebuild',
        value: perSecond,
        unit: 'msg/s',
        baseline: raw.perSecond,
        ratio: r,
        target: '>= 0.1 x raw',
        met: r >= 0.1,
      },
      { measure: '  events applied in bound', value: seen.count(), unit: `of ${total}` },
    ],
    details: {
      events: total,
      documents: total / EVENTS_PER_DOCUMENT,
      messageBytes,
      produceMs,
      boundMs,
      inbox: { processed: seen.count(), complete, ms: seen.ms(), perSecond, outcomes },
      rawConsumer: { ...raw, settings: 'eachMessage, partitionsConsumedConcurrently=3, no processing' },
      ratio: r,
      target: 'ratio >= 0.1',
      met: r >= 0.1,
    },
  };
};
