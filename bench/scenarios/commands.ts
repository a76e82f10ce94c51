import pg from 'pg';
import type { BenchContext } from '../lib/context.ts';
import { waybills } from '../lib/http.ts';
import type { Row, ScenarioResult } from '../lib/report.ts';
import { scratchDatabase } from '../lib/scratch.ts';
import { percentiles, rate, ratio, wallMs } from '../lib/stats.ts';

const LEVELS = [1, 8, 32] as const;

type Loop = Readonly<{ ops: number; ms: number; latencies: number[]; errors: number; firstError?: string }>;

/** Runs `concurrency` workers doing `step` back to back until `durationMs` passes. */
const closedLoop = async (
  concurrency: number,
  durationMs: number,
  step: (latencies: number[], worker: number) => Promise<number>,
): Promise<Loop> => {
  const latencies: number[] = [];
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = wallMs();
  const deadline = start + durationMs;
  const worker = async (_: unknown, index: number) => {
    while (wallMs() < deadline) {
      try {
        const done = await step(latencies, index); // not `ops += await …`: that reads `ops` before the await
        ops += done;
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ops, ms: wallMs() - start, latencies, errors, ...(firstError === undefined ? {} : { firstError }) };
};

/** Baseline: single-row INSERTs, each its own durable commit, on `concurrency` connections of a scratch database. */
const rawCommits = async (url: string, concurrency: number, durationMs: number): Promise<Loop> => {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    return await closedLoop(concurrency, durationMs, async (latencies, worker) => {
      const client = clients[worker] as pg.Client;
      const t = wallMs();
      await client.query('insert into bench_commit (payload) values ($1)', [`worker ${worker}`]);
      latencies.push(wallMs() - t);
      return 1;
    });
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
};

/**
 * Scenario 1: waybill submit + issue over HTTP at concurrency 1, 8 and 32; each command is one HTTP call and one
 * service transaction. Baseline: raw durable single-row commits at the same concurrency on the same server.
 */
export const commandsScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const started = wallMs();
  const durationMs = ctx.quick ? 3000 : 10_000;
  const rawMs = ctx.quick ? 2000 : 5000;
  const api = waybills(ctx.waybill.url, ctx.parties);
  const url = ctx.own(await scratchDatabase(ctx.serverUrl, 'commits'));
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table bench_commit (id bigserial primary key, payload text not null)');
  await setup.end();

  const step = async (latencies: number[]) => {
    const submitted = await api.submit();
    latencies.push(submitted.ms);
    const issued = await api.issue(String(submitted.body.id));
    latencies.push(issued.ms);
    return 2;
  };
  await closedLoop(8, ctx.quick ? 1000 : 2000, step); // warm-up: JIT, pools, prepared plans

  const levels = [];
  const rows: Row[] = [];
  for (const concurrency of LEVELS) {
    // with several workers a loop may end with a started pair; `ops` counts only finished commands
    const raw = await rawCommits(url, concurrency, rawMs);
    const commands = await closedLoop(concurrency, durationMs, step);
    const commandsPerSecond = rate(commands.ops, commands.ms);
    const rawPerSecond = rate(raw.ops, raw.ms);
    const r = ratio(commandsPerSecond, rawPerSecond);
    const latency = percentiles(commands.latencies);
    const gated = concurrency === 32;
    levels.push({
      concurrency,
      commands: { count: commands.ops, ms: Math.round(commands.ms), perSecond: commandsPerSecond, latencyMs: latency },
      errors: commands.errors,
      firstError: commands.firstError,
      rawCommits: { count: raw.ops, perSecond: rawPerSecond, latencyMs: percentiles(raw.latencies) },
      ratio: r,
      ...(gated ? { target: 'ratio >= 0.5', met: r >= 0.5 } : {}),
    });
    rows.push({
      measure: `commands/s c=${concurrency}`,
      value: commandsPerSecond,
      unit: '/s',
      baseline: rawPerSecond,
      ratio: r,
      ...(gated ? { target: '>= 0.5 x raw', met: r >= 0.5 } : {}),
    });
    rows.push({ measure: `  latency p50/p95/p99 c=${concurrency}`, value: latency.p50, unit: 'ms p50' });
    rows.push({ measure: '', value: latency.p95, unit: 'ms p95' });
    rows.push({ measure: '', value: latency.p99, unit: 'ms p99' });
    if (commands.errors > 0) rows.push({ measure: `  errors c=${concurrency}`, value: commands.errors, unit: 'calls' });
  }
  return {
    name: 'commands',
    seconds: Math.round((wallMs() - started) / 1000),
    rows,
    details: { durationMs, rawDurationMs: rawMs, command: 'POST /waybills then POST /waybills/{id}/issue', levels },
  };
};
