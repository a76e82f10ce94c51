import type { TestProject } from 'vitest/node';
import { dropTestDatabases } from './database.ts';
import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS, dockerAvailable, startLocalInfrastructure } from './infra.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    kafkaBrokers: string;
  }
}

/**
 * One broker and one PostgreSQL per run (docs/architecture.md §4): `DATABASE_URL`/`KAFKA_BROKERS` when given, testcontainers when a
 * Docker engine answers, otherwise the project's own JVM broker and the machine's PostgreSQL.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // names this run's test databases (database.ts); workers inherit it
  process.env.RAILBILL_TEST_RUN = Date.now().toString(36);
  let databaseUrl = process.env.DATABASE_URL;
  let kafkaBrokers = process.env.KAFKA_BROKERS;
  const stops: (() => Promise<unknown>)[] = [];
  if ((databaseUrl === undefined || kafkaBrokers === undefined) && dockerAvailable()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { KafkaContainer } = await import('@testcontainers/kafka');
    if (databaseUrl === undefined) {
      const pg = await new PostgreSqlContainer('postgres:15').withUsername('postgres').start();
      stops.push(() => pg.stop());
      databaseUrl = pg.getConnectionUri();
    }
    if (kafkaBrokers === undefined) {
      const kafka = await new KafkaContainer('apache/kafka:4.1.1').withKraft().start();
      stops.push(() => kafka.stop());
      kafkaBrokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
    }
  }
  if (databaseUrl === undefined || kafkaBrokers === undefined) {
    const stopLocal = await startLocalInfrastructure();
    stops.push(async () => stopLocal());
  }
  project.provide('databaseUrl', databaseUrl ?? DEFAULT_DATABASE_URL);
  project.provide('kafkaBrokers', kafkaBrokers ?? DEFAULT_KAFKA_BROKERS);
  const serverUrl = databaseUrl ?? DEFAULT_DATABASE_URL;
  return async () => {
    await dropTestDatabases(serverUrl).catch(() => undefined);
    for (const stop of stops) await stop();
  };
}
