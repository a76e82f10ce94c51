import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseName } from './database.ts';
import { repoRoot } from './infra.ts';
import { type Spawned, spawnNode, waitForHttp } from './process.ts';

export type ServiceName = 'waybill' | 'letter-of-credit' | 'customs-clearance' | 'console';

export type SystemEnv = Readonly<{
  databaseServerUrl: string;
  kafkaBrokers: string;
  partiesFile: string;
  topicPrefix: string;
}>;

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

/** Starts `services/<name>/src/main.ts`; `failpoints` arms crash points. Waits until `/ready` answers 200. */
export const startServiceProcess = async (
  env: SystemEnv,
  name: ServiceName,
  options: Readonly<{ databaseUrl?: string; port?: number; failpoints?: string; env?: Record<string, string> }> = {},
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
 * a test wants; by default none, so a declaration's channel follows the explicit rules only. Answers the file.
 */
export const riskRulesFile = (sampling: Partial<Sampling> = {}): string => {
  const rules = JSON.parse(readFileSync(join(repoRoot, 'services/customs-clearance/config/risk-rules.json'), 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'railbill-risk-')), 'risk-rules.json');
  writeFileSync(
    file,
    JSON.stringify({ ...rules, sampling: { ...rules.sampling, yellowRate: 0, redRate: 0, ...sampling } }),
  );
  return file;
};
