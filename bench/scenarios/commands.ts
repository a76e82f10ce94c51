import { randomUUID } from 'node:crypto';
import { chongqingDuisburgBill, queryOnce, type TestParties } from '@railbill/testkit';
import pg from 'pg';
import type { BenchContext } from '../lib/context.ts';
import { cpuPer, KAFKA, POSTGRES } from '../lib/cpu.ts';
import { type Waybills, waybills } from '../lib/http.ts';
import type { Row, ScenarioResult } from '../lib/report.ts';
import { scratchDatabase } from '../lib/scratch.ts';
import { percentiles, rate, ratio, until, wallMs } from '../lib/stats.ts';

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

const COMMAND_SHAPED_TABLES = `
  create table bench_index (
    document_id uuid primary key, status text not null, type text not null, holder text, bill_number text,
    credit_number text, parties text[] not null, places text[] not null, containers text[] not null,
    updated_at timestamptz not null default now());
  create index on bench_index using gin (parties);
  create index on bench_index using gin (places);
  create index on bench_index using gin (containers);`;

/**
 * Baseline: what a command commits, done directly with `pg` (plain statements, one transaction per command): the
 * document row (insert for a submit, version-guarded update for an issue, alternately), one event, one outbox row and
 * the index row, with a real bill as the state, event data and envelope. No HTTP, no validation, no domain.
 */
const rawCommandShaped = async (
  url: string,
  concurrency: number,
  durationMs: number,
  bill: unknown,
): Promise<Loop & Readonly<{ cpuMsPerCommand: Record<string, number | undefined> }>> => {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const state = JSON.stringify({ status: 'submitted', content: bill });
  const envelope = JSON.stringify({ specversion: '1.0', type: 'waybill.submitted', data: bill });
  const index = [['shipper', 'carrier', 'consignee'], ['Chongqing', 'Duisburg'], ['CONT1234567']];
  const open = new Map<number, string>(); // worker → its submitted document, issued by its next command
  try {
    const { result, msPerUnit } = await cpuPer(
      { postgres: POSTGRES, bench: process.pid },
      () =>
        closedLoop(concurrency, durationMs, async (latencies, worker) => {
          const client = clients[worker] as pg.Client;
          const t = wallMs();
          const submitted = open.get(worker);
          const id = submitted ?? randomUUID();
          const version = submitted === undefined ? 1 : 2;
          await client.query('begin');
          try {
            if (submitted === undefined)
              await client.query(
                `insert into documents (id, kind, version, status, correlation_id, state) values ($1::uuid, 'waybill', 1, 'submitted', $1::text, $2)`,
                [id, state],
              );
            else {
              const updated = await client.query(
                `update documents set version = 2, status = 'issued', state = $2, updated_at = now() where id = $1 and version = 1`,
                [id, state],
              );
              if (updated.rowCount !== 1) throw new Error('lost the version race');
            }
            const eventId = randomUUID();
            await client.query(
              `insert into document_events (document_id, sequence, event_id, type, time, data, correlation_id, hash, prev_hash)
           values ($1::uuid, $2, $3, 'waybill.submitted', now()::text, $4, $1::text, $5, $6)`,
              [id, version, eventId, JSON.stringify(bill), 'h'.repeat(64), version === 1 ? null : 'h'.repeat(64)],
            );
            await client.query(
              `insert into outbox (event_id, topic, key, envelope, headers) values ($1, 'waybill.events.v1', $2, $3, '{}')`,
              [eventId, id, envelope],
            );
            await client.query(
              `insert into bench_index (document_id, status, type, parties, places, containers) values ($1, $2, 'waybill', $3, $4, $5)
           on conflict (document_id) do update set status = excluded.status, parties = excluded.parties,
             places = excluded.places, containers = excluded.containers, updated_at = now()`,
              [id, version === 1 ? 'submitted' : 'issued', ...index],
            );
            await client.query('commit');
          } catch (error) {
            await client.query('rollback');
            throw error;
          }
          if (submitted === undefined) open.set(worker, id);
          else open.delete(worker);
          latencies.push(wallMs() - t);
          return 1;
        }),
      (loop) => loop.ops,
    );
    return { ...result, cpuMsPerCommand: msPerUnit };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
};

/** Pairs of submit + issue, the requests going round robin over `apis` (so a pair usually spans two instances). */
const roundRobin = (apis: readonly Waybills[]) => {
  let next = 0;
  const pick = () => apis[next++ % apis.length] as Waybills;
  return async (latencies: number[]) => {
    const submitted = await pick().submit();
    latencies.push(submitted.ms);
    const issued = await pick().issue(String(submitted.body.id));
    latencies.push(issued.ms);
    return 2;
  };
};

const count = async (url: string, text: string) => Number((await queryOnce<{ n: string }>(url, text))[0]?.n ?? 0);

/**
 * Two waybill instances on one database behind the bench client (round robin), at concurrency 32: the relay's lease,
 * the consumer group and idempotency under two processes. Checked afterwards: no errors, every bill number once, the
 * outbox drained, and the letter-of-credit projection of every bill applied each event exactly once.
 */
const twoInstances = async (ctx: BenchContext, durationMs: number, single: number) => {
  if (ctx.secondWaybill === undefined) return undefined;
  const second = await ctx.secondWaybill();
  const apis = [waybills(ctx.waybill.url, ctx.parties), waybills(second.url, ctx.parties)];
  await closedLoop(8, 1000, roundRobin(apis)); // warm-up of the second instance
  const loop = await closedLoop(32, durationMs, roundRobin(apis));
  const perSecond = rate(loop.ops, loop.ms);
  const db = ctx.waybill.databaseUrl;
  const drained = await until(
    async () => (await count(db, 'select count(*) as n from outbox where published_at is null')) === 0,
    60_000,
    250,
  );
  const bills = await count(db, `select count(*) as n from documents where kind = 'waybill'`);
  const lcCaughtUp = await until(
    async () =>
      (await count(ctx.lc.databaseUrl, `select count(*) as n from projections where name = 'bills'`)) >= bills,
    60_000,
    250,
  );
  const wrongApplied = await count(
    ctx.lc.databaseUrl,
    `select count(*) as n from projections where name = 'bills' and applied <> version`,
  );
  const duplicateNumbers = await count(
    db,
    'select count(*) - count(distinct bill_number) as n from waybill_index where bill_number is not null',
  );
  const r = ratio(perSecond, single);
  return {
    instances: 2,
    concurrency: 32,
    commands: { count: loop.ops, perSecond, latencyMs: percentiles(loop.latencies) },
    errors: loop.errors,
    firstError: loop.firstError,
    outboxDrained: drained,
    lcCaughtUp,
    billsWithEventsAppliedOtherThanOnce: wrongApplied,
    duplicateBillNumbers: duplicateNumbers,
    correct: loop.errors === 0 && drained && lcCaughtUp && wrongApplied === 0 && duplicateNumbers === 0,
    ratioToOneInstance: r,
    note: 'both instances and the bench share the same 2 cores: the ratio shows the cost of coordination, not scale-out',
  };
};

/**
 * Scenario 1: waybill submit + issue over HTTP at concurrency 1, 8 and 32; each state-changing request is one
 * command (one HTTP call, one service transaction). Baselines at the same concurrency on the same server: raw durable
 * single-row commits, and the command-shaped transaction done directly with `pg` (the target's baseline). Then two
 * waybill instances round robin at concurrency 32.
 */
export const commandsScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const started = wallMs();
  const durationMs = ctx.quick ? 3000 : 10_000;
  const rawMs = ctx.quick ? 2000 : 5000;
  const api = waybills(ctx.waybill.url, ctx.parties);
  const url = ctx.own(await scratchDatabase(ctx.serverUrl, 'commits', true));
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    `create table bench_commit (id bigserial primary key, payload text not null); ${COMMAND_SHAPED_TABLES}`,
  );
  await setup.end();
  const bill = chongqingDuisburgBill(ctx.parties as TestParties);

  const step = roundRobin([api]);
  await closedLoop(8, ctx.quick ? 1000 : 2000, step); // warm-up: JIT, pools, prepared plans

  const levels = [];
  const rows: Row[] = [];
  let singleAt32 = 0;
  for (const concurrency of LEVELS) {
    // with several workers a loop may end with a started pair; `ops` counts only finished commands
    const raw = await rawCommits(url, concurrency, rawMs);
    const shaped = await rawCommandShaped(url, concurrency, rawMs, bill);
    const { result: commands, msPerUnit: cpuMsPerCommand } = await cpuPer(
      {
        waybill: ctx.waybill.pid,
        'letter-of-credit': ctx.lc.pid,
        bench: process.pid,
        postgres: POSTGRES,
        kafka: KAFKA,
      },
      () => closedLoop(concurrency, durationMs, step),
      (loop) => loop.ops,
    );
    const commandsPerSecond = rate(commands.ops, commands.ms);
    const rawPerSecond = rate(raw.ops, raw.ms);
    const shapedPerSecond = rate(shaped.ops, shaped.ms);
    const r = ratio(commandsPerSecond, shapedPerSecond);
    const latency = percentiles(commands.latencies);
    const gated = concurrency === 32;
    if (gated) singleAt32 = commandsPerSecond;
    levels.push({
      concurrency,
      commands: { count: commands.ops, ms: Math.round(commands.ms), perSecond: commandsPerSecond, latencyMs: latency },
      // CPU ms per command of each process over the loop (the letter-of-credit service consumes the bills' events)
      cpuMsPerCommand,
      errors: commands.errors,
      firstError: commands.firstError,
      rawCommits: { count: raw.ops, perSecond: rawPerSecond, latencyMs: percentiles(raw.latencies) },
      rawCommandShaped: {
        count: shaped.ops,
        perSecond: shapedPerSecond,
        latencyMs: percentiles(shaped.latencies),
        errors: shaped.errors,
        firstError: shaped.firstError,
        cpuMsPerCommand: shaped.cpuMsPerCommand,
      },
      ratioToSingleRow: ratio(commandsPerSecond, rawPerSecond),
      ratio: r,
      ...(gated
        ? {
            target: 'ratio (to command-shaped raw) >= 0.4; p99 <= 50 ms',
            met: r >= 0.4,
            p99Met: latency.p99 <= 50,
          }
        : {}),
    });
    rows.push({
      measure: `commands/s c=${concurrency}`,
      value: commandsPerSecond,
      unit: '/s',
      baseline: shapedPerSecond,
      ratio: r,
      ...(gated ? { target: '>= 0.4 x cmd-shaped', met: r >= 0.4 } : {}),
    });
    rows.push({
      measure: `  vs raw single-row c=${concurrency}`,
      value: commandsPerSecond,
      unit: '/s',
      baseline: rawPerSecond,
      ratio: ratio(commandsPerSecond, rawPerSecond),
    });
    // every process's CPU per command (the services, PostgreSQL, the broker, the bench client) against the raw
    // transaction's (PostgreSQL and the bench client): what a command costs the machine, which the rates follow;
    // no row when a process could not be read (a running system without BENCH_WAYBILL_PID / BENCH_LC_PID)
    const total = (cpu: Record<string, number | undefined>) => {
      const all = Object.values(cpu);
      return all.some((ms) => ms === undefined)
        ? undefined
        : Math.round(all.reduce<number>((sum, ms) => sum + (ms ?? 0), 0) * 100) / 100;
    };
    const [cpuCommand, cpuRaw] = [total(cpuMsPerCommand), total(shaped.cpuMsPerCommand)];
    if (cpuCommand !== undefined && cpuRaw !== undefined)
      rows.push({
        measure: `  CPU per command, all processes c=${concurrency}`,
        value: cpuCommand,
        unit: 'ms',
        baseline: cpuRaw,
        ratio: ratio(cpuCommand, cpuRaw),
      });
    rows.push({ measure: `  latency p50/p95/p99 c=${concurrency}`, value: latency.p50, unit: 'ms p50' });
    rows.push({ measure: '', value: latency.p95, unit: 'ms p95' });
    rows.push({
      measure: '',
      value: latency.p99,
      unit: 'ms p99',
      ...(gated ? { target: '<= 50 ms', met: latency.p99 <= 50 } : {}),
    });
    if (commands.errors > 0) rows.push({ measure: `  errors c=${concurrency}`, value: commands.errors, unit: 'calls' });
  }
  const two = await twoInstances(ctx, durationMs, singleAt32);
  if (two !== undefined) {
    rows.push({
      measure: '2 instances c=32 (round robin)',
      value: two.commands.perSecond,
      unit: '/s',
      baseline: singleAt32,
      ratio: two.ratioToOneInstance,
    });
    rows.push({
      measure: '  2 instances: errors, dup effects',
      value: two.errors + two.billsWithEventsAppliedOtherThanOnce + two.duplicateBillNumbers,
      unit: 'count',
      target: '0, drained, LC caught up',
      met: two.correct,
    });
  }
  return {
    name: 'commands',
    seconds: Math.round((wallMs() - started) / 1000),
    rows,
    details: {
      durationMs,
      rawDurationMs: rawMs,
      command: 'POST /waybills then POST /waybills/{id}/issue; each state-changing request counts as one command',
      commandShapedBaseline:
        'begin; insert/update documents (version-guarded); insert document_events; insert outbox; upsert index ' +
        '(3 GIN arrays); commit — plain pg statements, a real bill as state/data/envelope, same concurrency',
      levels,
      ...(two === undefined ? {} : { twoInstances: two }),
    },
  };
};
