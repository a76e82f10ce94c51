import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { createKafka, createLogger, dlqTopicOf, ensureTopics } from '@railbill/platform';
import { makeParties, repoRoot, riskRulesFile } from '@railbill/testkit';
import { type Check, checkSystem } from './check.ts';
import { faultSchedule, runFaults } from './faults.ts';
import { startBroker, startPostgres } from './infra.ts';
import { SERVICES, type ServiceName, startCluster } from './instances.ts';
import { runLoad } from './load.ts';

/**
 * `pnpm chaos [--quick] [--seed N] [--out file]` (docs/reliability.md): a throwaway PostgreSQL and Kafka, two
 * instances of each service, shipments played end to end while a seeded fault controller SIGKILLs instances and
 * restarts the broker and the database once; then a checker proves the outcome from the databases and topics.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const loadMs = quick ? 45_000 : 240_000;
const workers = quick ? 3 : 6;
const perService = 2;
const say = (message: string) => process.stderr.write(`chaos: ${message}\n`);

const out = () => values.out ?? join(repoRoot, 'test-output', `chaos-${quick ? 'quick' : 'full'}-${seed}.json`);
const dir = mkdtempSync(join(tmpdir(), 'railbill-chaos-'));
const started = Date.now();
say(`seed ${seed}, ${quick ? 'quick' : 'full'} run, work dir ${dir}`);
const postgres = await startPostgres(dir);
say(`PostgreSQL on ${postgres.url}`);
const broker = await startBroker(dir);
say(`Kafka on ${broker.brokers}`);
let exitCode = 1;
const stops: (() => Promise<unknown>)[] = [() => broker.stop(), () => postgres.stop()];
try {
  const parties = makeParties();
  const prefix = '';
  const kafka = createKafka('chaos', [broker.brokers], createLogger('chaos', 'silent'));
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [WAYBILL_TOPIC, LC_TOPIC, CUSTOMS_TOPIC, ...SERVICES.map(dlqTopicOf)]);
  await admin.disconnect();
  const databaseUrls = Object.fromEntries(
    SERVICES.map((s) => {
      const u = new URL(postgres.url);
      u.pathname = `/chaos_${s.replaceAll('-', '_')}`;
      return [s, u.toString()];
    }),
  ) as Record<ServiceName, string>;
  const rules = riskRulesFile();
  const cluster = await startCluster(
    { databaseServerUrl: postgres.url, kafkaBrokers: broker.brokers, partiesFile: parties.file, topicPrefix: prefix },
    databaseUrls,
    perService,
    { waybill: {}, 'letter-of-credit': {}, 'customs-clearance': { RISK_RULES_FILE: rules } },
  );
  stops.unshift(() => cluster.stop());
  say(`${cluster.instances.length} instances up: ${cluster.instances.map((x) => `${x.name}:${x.port}`).join(' ')}`);

  const loadStart = Date.now();
  const schedule = faultSchedule(
    seed,
    loadMs,
    cluster.instances.map((x) => x.name),
    quick,
  );
  let loadDone = false;
  const faults = runFaults(schedule, { cluster, broker, postgres, startedAt: loadStart, stopped: () => loadDone });
  const load = await runLoad({
    cluster,
    parties,
    workers,
    until: loadStart + loadMs,
    stepTimeoutMs: quick ? 60_000 : 90_000,
  });
  loadDone = true;
  const faultLog = await faults;
  say(
    `load done: ${load.acks.length} acknowledged changes, ${load.shipments.completed}/${load.shipments.started} shipments completed`,
  );
  // every instance back, then time for the relays and consumers to settle
  await Promise.all(cluster.instances.filter((x) => x.running === undefined).map((x) => cluster.start(x)));
  const settleUntil = Date.now() + 60_000;
  const checkNow = () =>
    checkSystem({
      kafka,
      prefix,
      databaseUrls,
      acks: load.acks,
      bills: load.bills,
      parties,
      waybillUrl: () => cluster.urlOf('waybill'),
    });
  let checks: Check[] = await checkNow();
  while (
    checks.some((c) => !c.ok && ['outboxes drained', 'consumer lag zero'].includes(c.name)) &&
    Date.now() < settleUntil
  ) {
    await new Promise((r) => setTimeout(r, 3000));
    checks = await checkNow();
  }
  checks.unshift({
    name: 'no instance crashed (only the fault controller kills)',
    ok: cluster.crashes.length === 0,
    detail: cluster.crashes,
  });
  const ok = checks.every((c) => c.ok);
  // the instances' own words (warn and above) next to the report, for a failed check's explanation
  const logs = join(out(), '..', `chaos-${seed}-logs`);
  mkdirSync(logs, { recursive: true });
  for (const x of cluster.instances)
    writeFileSync(join(logs, `${x.name}.log`), x.running?.process.output().slice(-200_000) ?? '');
  const report = {
    ok,
    seed,
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    loadSeconds: loadMs / 1000,
    instances: cluster.instances.map((x) => ({ name: x.name, port: x.port, kills: x.kills })),
    faults: {
      scheduled: schedule.length,
      played: faultLog.length,
      kills: faultLog.filter((f) => f.fault.kind === 'kill').length,
      brokerRestarts: faultLog.filter((f) => f.fault.kind === 'restart-broker').length,
      postgresRestarts: faultLog.filter((f) => f.fault.kind === 'restart-postgres').length,
      log: faultLog,
    },
    load: {
      workers,
      acknowledgedChanges: load.acks.length,
      shipments: load.shipments,
      requests: load.requests,
      bills: load.bills.length,
      credits: load.credits.length,
    },
    checks,
  };
  mkdirSync(join(out(), '..'), { recursive: true });
  writeFileSync(out(), `${JSON.stringify(report, null, 2)}\n`);
  for (const c of checks) say(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}`);
  say(`report: ${out()}`);
  exitCode = ok ? 0 : 1;
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
  if (values.keep !== true) rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
