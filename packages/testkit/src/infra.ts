import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export const dockerAvailable = (): boolean => spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;

/** Starts the project's own broker and database server (infra/*.sh) when no external ones are given. */
export const startLocalInfrastructure = (): void => {
  execFileSync('bash', [join(repoRoot, 'infra', 'postgres.sh'), 'ensure'], { stdio: 'inherit' });
  execFileSync('bash', [join(repoRoot, 'infra', 'kafka.sh'), 'start'], { stdio: 'inherit' });
};
