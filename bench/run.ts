import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@railbill/testkit';
import { type BenchContext, createContext } from './lib/context.ts';
import { environment, formatTable, type ScenarioResult } from './lib/report.ts';
import { commandsScenario } from './scenarios/commands.ts';
import { examinationScenario } from './scenarios/examination.ts';
import { memoryResult, sampleMemory } from './scenarios/memory.ts';
import { propagationScenario } from './scenarios/propagation.ts';
import { relayScenario } from './scenarios/relay.ts';
import { replayScenario } from './scenarios/replay.ts';

/**
 * `pnpm bench [--quick] [--only=name,…]` (issue #8): each scenario next to a baseline measured in the same run, one
 * JSON file per run in bench/results/, a short table on stdout. Scenarios run in this order; `memory` samples the
 * services' RSS idle (before `commands`) and after `commands`.
 */
const SCENARIOS = ['memory', 'commands', 'propagation', 'relay', 'replay', 'examination'] as const;
type Name = (typeof SCENARIOS)[number];
const NEEDS_SERVICES: readonly Name[] = ['memory', 'commands', 'propagation'];

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  allowPositionals: false,
});
const quick = values.quick === true;
const only = values.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !(SCENARIOS as readonly string[]).includes(n)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  process.exit(2);
}
const selected = SCENARIOS.filter((n) => only === undefined || only.includes(n));

const runScenarios = async (ctx: BenchContext): Promise<ScenarioResult[]> => {
  const results: ScenarioResult[] = [];
  const idle = sampleMemory(ctx);
  const step = async (name: Name, run: () => Promise<ScenarioResult>) => {
    if (!selected.includes(name)) return;
    console.error(`[bench] ${name}…`);
    try {
      const result = await run();
      console.error(`[bench] ${name} done in ${result.seconds} s`);
      results.push(result);
    } catch (error) {
      // one failed scenario is reported; the others still run
      const reason = String(error instanceof Error ? error.stack : error);
      console.error(`[bench] ${name} failed: ${reason}`);
      results.push({
        name,
        seconds: 0,
        rows: [{ measure: 'FAILED', value: Number.NaN, unit: '', met: false }],
        details: { error: reason },
      });
    }
  };
  await step('commands', () => commandsScenario(ctx));
  if (selected.includes('memory')) results.unshift(memoryResult(idle, sampleMemory(ctx)));
  await step('propagation', () => propagationScenario(ctx));
  await step('relay', () => relayScenario(ctx));
  await step('replay', () => replayScenario(ctx));
  await step('examination', () => examinationScenario(ctx));
  return results;
};

const startedAt = new Date();
const t0 = performance.now();
console.error(`[bench] ${quick ? 'quick' : 'full'} run: ${selected.join(', ')}`);
const ctx = await createContext(
  quick,
  selected.some((n) => NEEDS_SERVICES.includes(n)),
);
let results: ScenarioResult[] = [];
let failure: unknown;
try {
  results = await runScenarios(ctx);
} catch (error) {
  failure = error;
} finally {
  await ctx.stop().catch((error: unknown) => console.error(`[bench] clean-up failed: ${String(error)}`));
}

const report = {
  startedAt: startedAt.toISOString(),
  totalSeconds: Math.round((performance.now() - t0) / 1000),
  mode: quick ? 'quick' : 'full',
  scenarios: selected,
  ...(await environment(ctx.serverUrl)),
  settings: {
    system: ctx.running ? 'running (BENCH_USE_RUNNING=1)' : 'child processes via startServiceProcess (LOG_LEVEL=info)',
    kafkaBrokers: ctx.brokers,
    topicPrefix: ctx.prefix,
    http: 'node:http keep-alive agent (maxSockets 256)',
  },
  targets: Object.fromEntries(
    results.flatMap((r) =>
      r.rows.filter((row) => row.met !== undefined).map((row) => [`${r.name}: ${row.measure}`, row.met]),
    ),
  ),
  results: Object.fromEntries(results.map((r) => [r.name, { seconds: r.seconds, ...r.details }])),
  ...(failure === undefined ? {} : { error: String(failure instanceof Error ? failure.stack : failure) }),
};
const dir = join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

console.log(formatTable(results));
console.log(`\n${report.mode} run, ${report.totalSeconds} s, ${report.machine.cores} cores; written ${file}`);
if (failure !== undefined) {
  console.error(`[bench] failed: ${String(failure instanceof Error ? failure.stack : failure)}`);
  process.exit(1);
}
process.exit(0);
