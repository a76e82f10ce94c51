import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKafka, createLogger, type PartyRecord } from '@railbill/platform';
import {
  type CastMember,
  DEFAULT_DATABASE_URL,
  DEFAULT_KAFKA_BROKERS,
  makeParties,
  type RunningProcess,
  repoRoot,
  startServiceProcess,
  type TestParties,
  testPrefix,
} from '@railbill/testkit';
import type { Kafka } from 'kafkajs';
import { deleteTopics, dropDatabases, scratchUrl } from './scratch.ts';

/** A service the bench talks to: its base URL, its database and, when known, its process id (for RSS). */
export type Target = Readonly<{ url: string; databaseUrl: string; pid: number | undefined }>;

export type BenchContext = Readonly<{
  quick: boolean;
  running: boolean;
  prefix: string;
  brokers: string;
  serverUrl: string;
  kafka: Kafka;
  parties: Pick<TestParties, 'id' | 'token'>;
  waybill: Target;
  lc: Target;
  /** Registers a database this run created, dropped at the end. */
  own: (databaseUrl: string) => string;
  /** A scratch topic name of this run (deleted at the end with every topic of the run's prefix). */
  topic: (name: string) => string;
  /** Starts a second waybill instance on the same database and topics (stopped at the end); none on a running system. */
  secondWaybill: (() => Promise<Target>) | undefined;
  stop: () => Promise<void>;
}>;

const env = process.env;

/** The parties of a running system's file, the first of each role standing in for the cast member. */
const partiesOfFile = (file: string): Pick<TestParties, 'id' | 'token'> => {
  const records = JSON.parse(readFileSync(file, 'utf8')) as PartyRecord[];
  const roleOf: Partial<Record<CastMember, PartyRecord['role']>> = {
    shipper: 'shipper',
    consignee: 'consignee',
    carrier: 'carrier',
    bank: 'bank',
  };
  const pick = (m: CastMember): PartyRecord => {
    const found = records.find((r) => r.role === (roleOf[m] ?? m));
    if (found === undefined) throw new Error(`no party with role ${roleOf[m] ?? m} in ${file}`);
    return found;
  };
  return { id: (m) => pick(m).id, token: (m) => pick(m).token };
};

const running = (
  base: Omit<BenchContext, 'waybill' | 'lc' | 'parties' | 'stop' | 'prefix' | 'running' | 'secondWaybill'>,
) => {
  const pid = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const partiesFile = env.RAILBILL_PARTIES ?? join(repoRoot, 'infra', 'parties.local.json');
  return {
    ...base,
    prefix: env.KAFKA_TOPIC_PREFIX ?? '',
    parties: partiesOfFile(partiesFile),
    waybill: {
      url: env.BENCH_WAYBILL_URL ?? 'http://127.0.0.1:3001',
      databaseUrl: env.BENCH_WAYBILL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/railbill_waybill',
      pid: pid(env.BENCH_WAYBILL_PID),
    },
    lc: {
      url: env.BENCH_LC_URL ?? 'http://127.0.0.1:3002',
      databaseUrl: env.BENCH_LC_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/railbill_letter_of_credit',
      pid: pid(env.BENCH_LC_PID),
    },
    stop: async () => undefined,
  };
};

const targetOf = (p: RunningProcess): Target => ({ url: p.url, databaseUrl: p.databaseUrl, pid: p.process.child.pid });

/**
 * Starts what the bench needs: a fresh parties file, a per-run topic prefix, and the waybill and letter-of-credit
 * services as child processes with fresh databases (unless `services` is false: scenarios without services).
 * `BENCH_USE_RUNNING=1` uses a running system instead.
 */
export const createContext = async (quick: boolean, services = true): Promise<BenchContext> => {
  const brokers = env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS;
  const serverUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const kafka = createKafka('bench', brokers.split(','), createLogger('bench-kafka', 'silent'));
  const owned: string[] = [];
  const own = (url: string) => {
    owned.push(url);
    return url;
  };
  const scratch = testPrefix();
  const topic = (name: string) => `${scratch}bench.${name}`;
  const cleanUp = async () => {
    await dropDatabases(serverUrl, owned);
    await deleteTopics(kafka, scratch);
  };
  const base = { quick, brokers, serverUrl, kafka, own, topic };
  if (env.BENCH_USE_RUNNING === '1') {
    const ctx = running(base);
    return { ...ctx, running: true, secondWaybill: undefined, stop: cleanUp };
  }
  const parties = makeParties();
  const prefix = scratch;
  if (!services) {
    const none: Target = { url: '', databaseUrl: '', pid: undefined };
    return {
      ...base,
      running: false,
      prefix,
      parties,
      waybill: none,
      lc: none,
      secondWaybill: undefined,
      stop: cleanUp,
    };
  }
  const system = {
    databaseServerUrl: serverUrl,
    kafkaBrokers: brokers,
    partiesFile: parties.file,
    topicPrefix: prefix,
  };
  // the load generator is one party: lift the per-party rate limit (docs/contract.md §7 429) for the run
  const unlimited = { RATE_LIMIT_PER_MINUTE: '100000000' };
  // bench_* names: test runs drop rbt_* databases, which must not pull a database from under a bench run
  const [waybill, lc] = await Promise.all([
    startServiceProcess(system, 'waybill', { databaseUrl: own(scratchUrl(serverUrl, 'waybill')), env: unlimited }),
    startServiceProcess(system, 'letter-of-credit', {
      databaseUrl: own(scratchUrl(serverUrl, 'letter_of_credit')),
      env: unlimited,
    }),
  ]);
  const extra: RunningProcess[] = [];
  return {
    ...base,
    running: false,
    prefix,
    parties,
    waybill: targetOf(waybill),
    lc: targetOf(lc),
    secondWaybill: async () => {
      const second = await startServiceProcess(system, 'waybill', { databaseUrl: waybill.databaseUrl, env: unlimited });
      extra.push(second);
      return targetOf(second);
    },
    stop: async () => {
      await Promise.all([waybill, lc, ...extra].map((p) => p.process.kill('SIGTERM')));
      await cleanUp();
    },
  };
};
