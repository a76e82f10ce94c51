import { performance } from 'node:perf_hooks';
import { CUSTOMS_TOPIC, LC_TOPIC } from '@railbill/contracts';
import { buildService } from '@railbill/platform';
import {
  chongqingDuisburgBill,
  createTestTopics,
  DEFAULT_DATABASE_URL,
  DEFAULT_KAFKA_BROKERS,
  injectAs,
  makeParties,
  serviceEnv,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import pg from 'pg';
import { loadWaybillConfig } from '../services/waybill/src/config.ts';
import { waybillService } from '../services/waybill/src/service.ts';
import { deleteTopics, dropDatabases, scratchUrl } from './lib/scratch.ts';

/**
 * `node bench/round-trips.ts`: the statements each command sends to PostgreSQL (bench/README.md "Second pass"). The
 * waybill service runs in-process (`app.inject`, no network) and submits and issues one bill after a warm-up; every
 * statement on the service's connections is counted, the outbox relay's own connection apart. A statement written
 * while an earlier one on its connection is still unanswered rides in the same round trip (the connections
 * pipeline): `waits` counts the others.
 */
type Sent = { text: string; pipelined: boolean; ms: number };

const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const brokers = process.env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS;

let recording: Sent[] | undefined;
const inFlight = new WeakMap<object, number>();
const relayConnections = new WeakSet<object>();
const textOf = (first: unknown): string => {
  const config = typeof first === 'object' && first !== null ? (first as { name?: unknown; text?: unknown }) : {};
  const text = typeof first === 'string' ? first : String(config.text ?? config.name ?? '');
  return text.replace(/\s+/g, ' ').trim();
};
// every pooled client binds the prototype's `query` when it connects: patched before the service starts
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  const text = textOf(args[0]);
  if (text.startsWith('set synchronous_commit = off')) relayConnections.add(this);
  const result = query.apply(this, args);
  if (recording === undefined || relayConnections.has(this) || !(result instanceof Promise)) return result;
  const pending = inFlight.get(this) ?? 0;
  inFlight.set(this, pending + 1);
  const sent: Sent = { text: text.slice(0, 100), pipelined: pending > 0, ms: 0 };
  const started = performance.now();
  recording.push(sent);
  const settle = () => {
    sent.ms = Math.round((performance.now() - started) * 100) / 100;
    inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
  };
  result.then(settle, settle);
  return result;
};

const parties = makeParties();
const prefix = testPrefix();
const kafka = testKafka(brokers);
await createTestTopics(kafka, [`${prefix}${CUSTOMS_TOPIC}`, `${prefix}${LC_TOPIC}`]);
// bench_*, not rbt_*: test runs drop those
const databaseUrl = scratchUrl(serverUrl, 'round_trips');
const service = await buildService(
  waybillService(
    loadWaybillConfig({
      ...serviceEnv({ databaseUrl, kafkaBrokers: brokers, partiesFile: parties.file, prefix }),
      RATE_LIMIT_PER_MINUTE: '100000000',
    }),
  ),
);
const call = injectAs(service.app, parties);
const bill = chongqingDuisburgBill(parties);

const pair = async (): Promise<Record<'submit' | 'issue', Sent[]>> => {
  recording = [];
  const submitted = await call('shipper', 'POST', '/waybills', bill);
  if (submitted.status !== 201) throw new Error(`submit answered ${submitted.status}: ${submitted.text}`);
  const submit = recording;
  recording = [];
  const issued = await call('carrier', 'POST', `/waybills/${String(submitted.body.id)}/issue`, {});
  if (issued.status !== 200) throw new Error(`issue answered ${issued.status}: ${issued.text}`);
  const issue = recording;
  recording = undefined;
  return { submit, issue };
};

try {
  for (let i = 0; i < 20; i++) await pair(); // warm-up: prepared statements, JIT
  for (const [command, sent] of Object.entries(await pair())) {
    const waits = sent.filter((s) => !s.pipelined).length;
    console.log(`${command}: ${sent.length} statements, ${waits} waits`);
    for (const s of sent) console.log(`  ${s.pipelined ? '+' : ' '} ${String(s.ms).padStart(6)} ms  ${s.text}`);
  }
} finally {
  await service.stop();
  await dropDatabases(serverUrl, [databaseUrl]);
  await deleteTopics(kafka, prefix);
}
process.exit(0);
