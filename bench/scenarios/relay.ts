import { randomUUID } from 'node:crypto';
import { buildEnvelope, CLOUDEVENTS_CONTENT_TYPE, headerNames, WAYBILL_TOPIC } from '@railbill/contracts';
import { createDb, createIdempotentProducer, createLogger, createOutboxRelay, createPool } from '@railbill/platform';
import { chongqingDuisburgBill, createTestTopics, queryOnce, type TestParties } from '@railbill/testkit';
import type { BenchContext } from '../lib/context.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { scratchDatabase } from '../lib/scratch.ts';
import { rate, ratio, round, wallMs } from '../lib/stats.ts';

const BATCH = 500; // the relay's default batch size
const headers = { [headerNames.contentType]: CLOUDEVENTS_CONTENT_TYPE };

/** A `waybill.submitted` envelope of the Chongqing → Duisburg bill: the size of a real outbox row. */
export const sampleEnvelope = (parties: Pick<TestParties, 'id' | 'token'>) => {
  const subject = randomUUID();
  const content = chongqingDuisburgBill(parties as TestParties);
  return buildEnvelope({
    id: randomUUID(),
    source: '/railbill/waybill',
    type: 'waybill.submitted',
    subject,
    time: new Date().toISOString(),
    version: 1,
    correlationId: subject,
    data: { ...content, submittedBy: content.shipper, warnings: [] },
  });
};

/** Baseline: the same number of equally sized messages through a raw idempotent producer, one batch at a time. */
const rawProduce = async (ctx: BenchContext, topic: string, value: string, total: number) => {
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  const start = wallMs();
  for (let sent = 0; sent < total; sent += BATCH) {
    const messages = Array.from({ length: Math.min(BATCH, total - sent) }, () => ({
      key: randomUUID(),
      value,
      headers,
    }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  }
  const ms = wallMs() - start;
  await producer.disconnect();
  return { count: total, ms: Math.round(ms), perSecond: rate(total, ms) };
};

/**
 * Scenario 3: a backlog of outbox rows in a scratch database migrated with the platform migrations, drained by
 * `createOutboxRelay` in-process to a fresh topic. Baseline: raw producer throughput, run before and after.
 */
export const relayScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const started = wallMs();
  const total = ctx.quick ? 10_000 : 50_000;
  const url = ctx.own(await scratchDatabase(ctx.serverUrl, 'relay', true));
  const envelope = sampleEnvelope(ctx.parties);
  const value = JSON.stringify(envelope);
  const [relayTopic, rawTopic] = [ctx.topic('relay'), ctx.topic('produce')];
  await createTestTopics(ctx.kafka, [relayTopic, rawTopic]);
  await queryOnce(
    url,
    `insert into outbox (event_id, topic, key, envelope, headers)
     select s.u, $1, s.k::text, jsonb_set(jsonb_set($2::jsonb, '{id}', to_jsonb(s.u::text)), '{subject}', to_jsonb(s.k::text))::text, $3::jsonb
     from (select gen_random_uuid() as u, gen_random_uuid() as k from generate_series(1, $4::int)) s`,
    [WAYBILL_TOPIC, value, JSON.stringify(headers), total],
  );
  await queryOnce(url, 'vacuum analyze outbox');

  const before = await rawProduce(ctx, rawTopic, value, total);
  const pool = createPool(url);
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  const relay = createOutboxRelay({
    db: createDb(pool),
    pool,
    producer,
    log: createLogger('bench-relay', 'silent'),
    pollMs: 1000,
    topicName: () => relayTopic,
  });
  const start = wallMs();
  const drained = await relay.drain();
  const ms = wallMs() - start;
  await producer.disconnect();
  await pool.end();
  const after = await rawProduce(ctx, rawTopic, value, total);

  const perSecond = rate(drained, ms);
  const rawPerSecond = round((before.perSecond + after.perSecond) / 2, 1);
  const r = ratio(perSecond, rawPerSecond);
  return {
    name: 'relay',
    seconds: Math.round((wallMs() - started) / 1000),
    rows: [
      {
        measure: `outbox drain ${total}`,
        value: perSecond,
        unit: 'msg/s',
        baseline: rawPerSecond,
        ratio: r,
        target: '>= 0.7 x raw',
        met: r >= 0.7,
      },
    ],
    details: {
      backlog: total,
      messageBytes: Buffer.byteLength(value),
      batchSize: BATCH,
      relay: { drained, ms: Math.round(ms), perSecond },
      rawProducer: { before, after, meanPerSecond: rawPerSecond, settings: 'idempotent, maxInFlight=1, acks=-1' },
      ratio: r,
      target: 'ratio >= 0.7',
      met: r >= 0.7,
    },
  };
};
