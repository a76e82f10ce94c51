import { WAYBILL_TOPIC } from '@railbill/contracts';
import { createIdempotentProducer } from '@railbill/platform';
import { createTestTopics, queryOnce } from '@railbill/testkit';
import type { BenchContext } from '../lib/context.ts';
import { type Answer, waybills } from '../lib/http.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { percentiles, rate, round, sleep, until, wallMs } from '../lib/stats.ts';

const RATE = 100;
const LIMIT_P99_MS = 100;

/** Fires `fire()` `perSecond` times a second for `durationMs`, on schedule whatever the answers take (open loop). */
const openLoop = async <T>(perSecond: number, durationMs: number, fire: () => Promise<T>): Promise<T[]> => {
  const start = wallMs();
  const pending: Promise<T>[] = [];
  for (let i = 0; i < (perSecond * durationMs) / 1000; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - wallMs();
    if (wait > 0) await sleep(wait);
    pending.push(fire());
  }
  return Promise.all(pending);
};

const count = async (url: string, text: string) => Number((await queryOnce<{ n: string }>(url, text))[0]?.n ?? 0);

/** Waits until the letter-of-credit inbox has applied every waybill event the waybill outbox holds. */
const caughtUp = async (ctx: BenchContext, timeoutMs: number) => {
  const start = wallMs();
  const produced = () => count(ctx.waybill.databaseUrl, 'select count(*) as n from outbox');
  const applied = () => count(ctx.lc.databaseUrl, `select count(*) as n from inbox where topic = '${WAYBILL_TOPIC}'`);
  const backlog = (await produced()) - (await applied());
  const ok = await until(async () => (await applied()) >= (await produced()), timeoutMs, 250);
  return { backlogAtStart: backlog, caughtUp: ok, ms: Math.round(wallMs() - start) };
};

/** Baseline: a kafkajs idempotent producer (acks=-1) → a consumer on the same broker, latency per message. */
const rawLatency = async (ctx: BenchContext, durationMs: number, valueBytes: number) => {
  const topic = ctx.topic('latency');
  await createTestTopics(ctx.kafka, [topic]);
  const samples: number[] = [];
  const consumer = ctx.kafka.consumer({ groupId: `${topic}.reader` });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const sent = JSON.parse(message.value?.toString() ?? '{}') as { at: number; warm: boolean };
      if (!sent.warm) samples.push(wallMs() - sent.at);
    },
  });
  await joined;
  const producer = createIdempotentProducer(ctx.kafka);
  await producer.connect();
  const padding = 'x'.repeat(valueBytes);
  const send = (warm: boolean) => () =>
    producer.send({
      topic,
      acks: -1,
      messages: [{ key: String(Math.random()), value: JSON.stringify({ at: wallMs(), warm, padding }) }],
    });
  await openLoop(RATE, 500, send(true));
  const sent = (await openLoop(RATE, durationMs, send(false))).length;
  await until(async () => samples.length >= sent, 10_000);
  await producer.disconnect();
  await consumer.disconnect();
  return { sent, latencyMs: percentiles(samples) };
};

/**
 * Scenario 2: HTTP 201 of a submit → the event applied in the letter-of-credit `bills` projection (its `updated_at`,
 * the applying transaction's start on this machine's PostgreSQL clock), at a steady 100 submits/s.
 */
export const propagationScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const started = wallMs();
  const durationMs = ctx.quick ? 3000 : 10_000;
  const before = await caughtUp(ctx, 180_000);
  const api = waybills(ctx.waybill.url, ctx.parties);
  const answers = await openLoop(RATE, durationMs, () =>
    api.submit().catch((error: unknown) => ({ status: 0, at: 0, ms: 0, body: { error: String(error) } }) as Answer),
  );
  const ok = answers.filter((a) => a.status === 201);
  const sentAt = new Map(ok.map((a) => [String(a.body.id), a.at]));
  const ids = [...sentAt.keys()];
  const applied = async () =>
    queryOnce<{ id: string; ms: number }>(
      ctx.lc.databaseUrl,
      `select id, extract(epoch from updated_at) * 1000 as ms from projections where name = 'bills' and id = any($1)`,
      [ids],
    );
  let rows: { id: string; ms: number }[] = [];
  await until(
    async () => {
      rows = await applied();
      return rows.length >= ids.length;
    },
    60_000,
    200,
  );
  const latencies = rows.map((r) => Number(r.ms) - (sentAt.get(r.id) ?? Number.NaN));
  const service = percentiles(latencies);
  const raw = await rawLatency(ctx, ctx.quick ? 3000 : 5000, 1500);
  const met = service.p99 <= LIMIT_P99_MS && rows.length === ids.length;
  return {
    name: 'propagation',
    seconds: Math.round((wallMs() - started) / 1000),
    rows: [
      { measure: 'submit→LC applied p50', value: service.p50, unit: 'ms', baseline: raw.latencyMs.p50 },
      {
        measure: 'submit→LC applied p99',
        value: service.p99,
        unit: 'ms',
        baseline: raw.latencyMs.p99,
        ratio: round(service.p99 / raw.latencyMs.p99, 2),
        target: `<= ${LIMIT_P99_MS} ms`,
        met,
      },
      { measure: '  submits/s achieved', value: rate(ok.length, durationMs), unit: '/s', baseline: RATE },
      { measure: '  LC backlog before', value: before.backlogAtStart, unit: 'events' },
    ],
    details: {
      rate: RATE,
      durationMs,
      submitted: answers.length,
      accepted: ok.length,
      applied: rows.length,
      submitLatencyMs: percentiles(ok.map((a) => a.ms)),
      propagationMs: service,
      measuredAs: "LC projections('bills', id).updated_at (transaction start) − client wall clock at the 201",
      backlogFromPreviousScenario: before,
      rawKafka: { ...raw, settings: 'idempotent producer acks=-1, maxInFlight=1; kafkajs consumer defaults' },
      target: `p99 <= ${LIMIT_P99_MS} ms`,
      met,
    },
  };
};
