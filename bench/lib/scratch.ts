import { randomBytes } from 'node:crypto';
import { createDb, createPool, ensureDatabase, runMigrations } from '@railbill/platform';
import type { Kafka } from 'kafkajs';
import pg from 'pg';

const withDatabase = (serverUrl: string, name: string): string => {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

/** The URL of a new database name on the bench server, `bench_<purpose>_<random>` (not created). */
export const scratchUrl = (serverUrl: string, purpose: string): string =>
  withDatabase(serverUrl, `bench_${purpose}_${randomBytes(4).toString('hex')}`);

/** A fresh, empty database on the bench server (named `bench_<purpose>_<random>`), with the platform tables if asked. */
export const scratchDatabase = async (serverUrl: string, purpose: string, platformTables = false): Promise<string> => {
  const url = scratchUrl(serverUrl, purpose);
  await ensureDatabase(url);
  if (platformTables) {
    const pool = createPool(url, 1);
    try {
      await runMigrations(createDb(pool));
    } finally {
      await pool.end();
    }
  }
  return url;
};

/** Drops exactly the databases named (best effort: a failure is reported, not thrown). */
export const dropDatabases = async (serverUrl: string, urls: readonly string[]): Promise<void> => {
  if (urls.length === 0) return;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    for (const url of urls) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      if (!/^[a-z0-9_]+$/.test(name)) continue;
      await admin
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .catch((error: unknown) => console.error(`could not drop ${name}: ${String(error)}`));
    }
  } finally {
    await admin.end();
  }
};

/** Deletes every topic whose name starts with this run's `prefix` (best effort). */
export const deleteTopics = async (kafka: Kafka, prefix: string): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch (error) {
    console.error(`could not delete topics ${prefix}*: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
};
