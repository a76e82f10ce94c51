import { execFileSync, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export const dockerAvailable = (): boolean =>
  spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 }).status === 0;

const listening = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

const script = (name: string, ...args: string[]) =>
  execFileSync('bash', [join(repoRoot, 'infra', name), ...args], { stdio: 'inherit' });

/**
 * Makes sure the machine's PostgreSQL runs and a broker answers on 127.0.0.1:9092, starting the project's own JVM
 * broker when none does. Returns a stop function for what it started (nothing it did not start is stopped).
 */
export const startLocalInfrastructure = async (): Promise<() => void> => {
  script('postgres.sh', 'ensure');
  if (await listening('127.0.0.1', 9092)) return () => undefined;
  script('kafka.sh', 'start');
  return () => script('kafka.sh', 'stop');
};
