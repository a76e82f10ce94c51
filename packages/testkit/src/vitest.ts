import { buildEnvelope } from '@railbill/contracts';
import { createDb, createIdempotentProducer, createLogger, createOutboxRelay, createPool } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { freshDatabase } from './database.ts';
import { createTestTopics, prefixed, testKafka, testPrefix } from './kafka.ts';
import { type CastMember, makeParties } from './parties.ts';
import {
  type RunningProcess,
  restCall,
  type ServiceName,
  type StartOptions,
  startServices,
  systemEnv,
} from './system.ts';

/**
 * The run's PostgreSQL server and broker (global-setup.ts provides them), for a test's harness or system. This
 * module is the package's `./vitest` entry, kept out of the main one so that scripts and bench import no vitest.
 */
export const infrastructure = () => ({
  databaseServerUrl: inject('databaseUrl'),
  kafkaBrokers: inject('kafkaBrokers'),
});

/**
 * The services `names` as real processes for a test file (docs/architecture.md §4): one fresh cast, one topic
 * prefix, started before the file's tests and stopped after them, with REST calls as a member of the cast.
 */
export const useSystem = (
  names: readonly ServiceName[],
  options: Readonly<Partial<Record<ServiceName, StartOptions>>> = {},
) => {
  const { databaseServerUrl, kafkaBrokers } = infrastructure();
  const parties = makeParties();
  const env = systemEnv(databaseServerUrl, kafkaBrokers, parties.file);
  const running = new Map<ServiceName, RunningProcess>();
  beforeAll(() => startServices(env, names, running, options));
  afterAll(async () => {
    await Promise.all([...running.values()].map((s) => s.process.kill('SIGTERM')));
  });

  const processOf = (name: ServiceName): RunningProcess => {
    const p = running.get(name);
    if (p === undefined) throw new Error(`${name} is not running`);
    return p;
  };
  const call = restCall(parties.token, processOf);
  /** A POST that must answer `status`; answers the body. */
  const ok = async (
    service: ServiceName,
    as: CastMember,
    path: string,
    body: unknown = {},
    status = 200,
    headers: Record<string, string> = {},
  ) => {
    const r = await call(service, as, 'POST', path, body, headers);
    expect(r.status, `${as} POST ${path}: ${r.text}`).toBe(status);
    return r.body;
  };
  return {
    parties,
    env,
    processOf,
    url: (n: ServiceName) => processOf(n).url,
    /** The databases of the running services (tests/consistency.ts reads them). */
    databaseUrls: () => [...running.values()].map((p) => p.databaseUrl),
    call,
    ok,
  };
};

/**
 * The ground of the platform's messaging tests: the broker under a fresh topic prefix, a silent logger and `start`,
 * which makes a fresh database with the platform's tables and the topics `names` (without the prefix); the caller
 * ends the pool.
 */
export const messagingTestBed = () => {
  const { databaseServerUrl, kafkaBrokers } = infrastructure();
  const kafka = testKafka(kafkaBrokers);
  const prefix = testPrefix();
  const topic = prefixed(prefix);
  const start = async (names: readonly string[] = []) => {
    const pool = createPool(await freshDatabase(databaseServerUrl, 'platform'));
    await createTestTopics(kafka, names.map(topic));
    return { pool, db: createDb(pool) };
  };
  const log = createLogger('test', 'silent');
  /** An outbox relay (not started) on a producer of its own, publishing under the prefix; `stop` stops both. */
  const relayOn = async (o: Omit<Parameters<typeof createOutboxRelay>[0], 'producer' | 'log' | 'topicName'>) => {
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    const relay = createOutboxRelay({ producer, log, topicName: topic, ...o });
    const stop = async () => {
      await relay.stop();
      await producer.disconnect();
    };
    return { relay, stop };
  };
  /** The value of a record of `waybill.voided` (version 1) of `subject`, as a relay sends it. */
  const voidedValue = (subject: string, data: unknown, id: string = uuidv7()): string =>
    JSON.stringify(
      buildEnvelope({
        id,
        source: '/test',
        type: 'waybill.voided',
        subject,
        time: new Date().toISOString(),
        version: 1,
        correlationId: subject,
        data,
      }),
    );
  return { kafka, prefix, topic, log, start, relayOn, voidedValue };
};
