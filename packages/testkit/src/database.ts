import { randomBytes } from 'node:crypto';
import { createDb, ensureDatabase, runMigrations } from '@railbill/platform';
import pg from 'pg';

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** One statement's rows on a short-lived client (scripts and benchmarks that hold no pool). */
export const queryOnce = async <R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
};

const admin = async <T>(serverUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Test databases are named `rbt_<run>_…`, `<run>` being the base-36 start time of the test run (set by globalSetup
 * in `RAILBILL_TEST_RUN`), so a run drops only its own databases and never those of a run going on beside it.
 */
export const testRun = (): string => process.env.RAILBILL_TEST_RUN ?? `x${process.pid.toString(36)}`;
export const testDatabaseName = (service: string): string =>
  `rbt_${testRun()}_${service.replaceAll('-', '_')}_${randomBytes(4).toString('hex')}`;

const templates = new Map<string, Promise<string>>();

/**
 * Migrates once into a template database per migrations folder, then clones it per test file with
 * `CREATE DATABASE … TEMPLATE` (docs/architecture.md §1, immich): each test gets a fresh, migrated database in about 100 ms.
 */
export const freshDatabase = async (serverUrl: string, service: string, migrationsFolder?: string): Promise<string> => {
  const templateKey = migrationsFolder ?? 'platform';
  let template = templates.get(templateKey);
  if (template === undefined) {
    template = (async () => {
      const name = testDatabaseName(`tpl_${service}`);
      const url = withDatabase(serverUrl, name);
      await ensureDatabase(url);
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      await runMigrations(createDb(pool), migrationsFolder);
      await pool.end();
      return name;
    })();
    templates.set(templateKey, template);
  }
  const templateName = await template;
  const name = testDatabaseName(service);
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
  return withDatabase(serverUrl, name);
};

/** Drops the test databases this run created, templates included (best effort). */
export const dropTestDatabases = async (serverUrl: string): Promise<void> => {
  await admin(serverUrl, async (c) => {
    // this run's own only: runs beside it (other worktrees, CI) keep theirs
    const rows = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
      `rbt_${testRun()}_`,
    ]);
    for (const { datname } of rows.rows)
      await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  });
};
