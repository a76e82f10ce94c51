import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIdempotentProducer } from '@railbill/platform';
import { testDatabaseName } from './database.ts';
import { repoRoot } from './infra.ts';
import type { CastRequest } from './inject.ts';
import { testKafka, testPrefix } from './kafka.ts';
import type { CastMember } from './parties.ts';
import { eventually, type Spawned, spawnNode, waitForHttp } from './process.ts';
import { publishEvent } from './service-env.ts';

export type ServiceName = 'waybill' | 'letter-of-credit' | 'customs-clearance' | 'console';

export type SystemEnv = Readonly<{
  databaseServerUrl: string;
  kafkaBrokers: string;
  partiesFile: string;
  topicPrefix: string;
}>;

/** One system under test: its cast's parties file and a topic prefix of its own. */
export const systemEnv = (databaseServerUrl: string, kafkaBrokers: string, partiesFile: string): SystemEnv => ({
  databaseServerUrl,
  kafkaBrokers,
  partiesFile,
  topicPrefix: testPrefix(),
});

/** A port the OS has just handed out, so parallel runs and other programs never collide with a service under test. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

/** A service of the system as a real child process with its own database, port and topic prefix. */
export type RunningProcess = Readonly<{ name: ServiceName; url: string; databaseUrl: string; process: Spawned }>;

export const databaseUrlFor = (env: SystemEnv, name: ServiceName, run: string): string => {
  const u = new URL(env.databaseServerUrl);
  u.pathname = `/${testDatabaseName(name)}_${run}`;
  return u.toString();
};

export type StartOptions = Readonly<{
  databaseUrl?: string;
  port?: number;
  failpoints?: string;
  env?: Record<string, string>;
}>;

/** Starts `services/<name>/src/main.ts`; `failpoints` arms crash points. Waits until `/ready` answers 200. */
export const startServiceProcess = async (
  env: SystemEnv,
  name: ServiceName,
  options: StartOptions = {},
): Promise<RunningProcess> => {
  const port = options.port ?? (await freePort());
  const databaseUrl = options.databaseUrl ?? databaseUrlFor(env, name, randomBytes(4).toString('hex'));
  const spawned = spawnNode(join(repoRoot, 'services', name, 'src', 'main.ts'), {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: env.topicPrefix,
    RAILBILL_PARTIES: env.partiesFile,
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'info',
    RAILBILL_FAILPOINTS: options.failpoints ?? '',
    ...options.env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/ready`, 60_000, spawned);
  return { name, url, databaseUrl, process: spawned };
};

export type Sampling = Readonly<{ seed: string; yellowRate: number; redRate: number; aeoExempt: boolean }>;

/**
 * A copy of the repository's customs risk rules (services/customs-clearance/config/risk-rules.json) with the sampling
 * a test wants; by default none, so a declaration's channel follows the explicit rules only. Answers the file, one per
 * content in the temporary folder (named by its digest, written whole by a rename), so calls do not pile up copies.
 */
export const riskRulesFile = (sampling: Partial<Sampling> = {}): string => {
  const rules = JSON.parse(readFileSync(join(repoRoot, 'services/customs-clearance/config/risk-rules.json'), 'utf8'));
  const text = JSON.stringify({ ...rules, sampling: { ...rules.sampling, yellowRate: 0, redRate: 0, ...sampling } });
  const file = join(
    tmpdir(),
    `railbill-risk-rules-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`,
  );
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
  return file;
};

/**
 * Starts `names` as processes side by side into `running` (each one kept there even when another fails to start,
 * so that the caller stops it), then throws the first failure. customs-clearance runs without random sampling.
 */
export const startServices = async (
  env: SystemEnv,
  names: readonly ServiceName[],
  running: Map<ServiceName, RunningProcess>,
  options: Readonly<Partial<Record<ServiceName, StartOptions>>> = {},
): Promise<void> => {
  const started = await Promise.allSettled(
    names.map(async (name) => {
      const o = options[name] ?? {};
      const extra = name === 'customs-clearance' ? { RISK_RULES_FILE: riskRulesFile(), ...o.env } : (o.env ?? {});
      running.set(name, await startServiceProcess(env, name, { ...o, env: extra }));
    }),
  );
  const failed = started.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
};

export type RestAnswer = Readonly<{
  status: number;
  type: string;
  text: string;
  /** The JSON body, or {} for an empty or non-JSON one. */
  body: Record<string, unknown>;
}>;

/** A call over HTTP to a running service as a member of the cast, with a JSON body. */
export const restCall =
  (token: (as: CastMember) => string, processOf: (name: ServiceName) => RunningProcess) =>
  async (service: ServiceName, ...[as, method, path, body, headers = {}]: CastRequest): Promise<RestAnswer> => {
    const res = await fetch(`${processOf(service).url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token(as)}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, text, body: type.includes('json') && text !== '' ? JSON.parse(text) : {} };
  };

/** Polls `probe` for up to 30 s (a step of the system across Kafka), naming `what` when it times out. */
export const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> =>
  eventually(probe, 30_000, what);

/** Publishes `events` in order on the system's topics (`topic` without the prefix), as the services' relays would. */
export const publishAll = async (
  env: SystemEnv,
  events: readonly (Parameters<typeof publishEvent>[2] & Readonly<{ topic: string }>)[],
): Promise<void> => {
  const producer = createIdempotentProducer(testKafka(env.kafkaBrokers));
  await producer.connect();
  try {
    for (const e of events) await publishEvent(producer, `${env.topicPrefix}${e.topic}`, e);
  } finally {
    await producer.disconnect();
  }
};
