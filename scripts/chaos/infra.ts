import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, repoRoot } from '@railbill/testkit';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on this machine (`initdb`, `pg_ctl`). */
const pgBin = (): string => {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'pg_ctl')));
  if (found === undefined) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
  return found;
};

/** PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user and runs as it. */
const asServerUser = (dir: string): ((cmd: string, args: string[]) => ReturnType<typeof run>) => {
  if (process.getuid?.() !== 0) return (cmd, args) => run(cmd, args);
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'pg'), { recursive: true, mode: 0o700 });
  chownSync(join(dir, 'pg'), uid, gid);
  writeFileSync(join(dir, 'pg.log'), '');
  chownSync(join(dir, 'pg.log'), uid, gid);
  return (cmd, args) => run('runuser', ['-u', 'postgres', '--', cmd, ...args]);
};

export type Postgres = Readonly<{ url: string; restart: () => Promise<void>; stop: () => Promise<void> }>;

/** A throwaway PostgreSQL cluster of the run's own (initdb, trust, a free port, its socket in the data dir). */
export const startPostgres = async (dir: string): Promise<Postgres> => {
  const bin = pgBin();
  const data = join(dir, 'pg');
  const port = await freePort();
  const exec = asServerUser(dir);
  await exec(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  const start = () => exec(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'pg.log'), '-o', options, '-w', 'start']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // an immediate stop is a crash for the server: no checkpoint, recovery from the WAL on start
    restart: async () => {
      await exec(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await start();
    },
    stop: async () => {
      await exec(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    },
  };
};

export type Broker = Readonly<{ brokers: string; restart: () => Promise<void>; stop: () => Promise<void> }>;

/** A Kafka broker of the run's own through infra/kafka.sh, with its own data dir and ports. */
export const startBroker = async (dir: string): Promise<Broker> => {
  const data = join(dir, 'kafka');
  mkdirSync(data, { recursive: true });
  const port = await freePort();
  const controller = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_DATA_DIR: data,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controller),
    KAFKA_HEAP_OPTS: '-Xmx384m -Xms64m',
  };
  delete env.KAFKA_BROKERS;
  const script = join(repoRoot, 'infra', 'kafka.sh');
  const kafka = (command: string) => run('bash', [script, command], { env, maxBuffer: 1 << 24 });
  await kafka('start');
  return {
    brokers: `127.0.0.1:${port}`,
    restart: async () => {
      await kafka('stop');
      await kafka('start');
    },
    stop: async () => {
      await kafka('stop').catch(() => undefined);
    },
  };
};
