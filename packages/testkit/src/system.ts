import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
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
