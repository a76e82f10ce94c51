import {
  type BuiltService,
  buildService,
  createIdempotentProducer,
  type ServiceConfig,
  type ServiceDefinition,
} from '@railbill/platform';
import type { Producer } from 'kafkajs';
import { freshDatabase } from './database.ts';
import { injectAs } from './inject.ts';
import { createTestTopics, prefixed, recordTopics, testKafka, testPrefix } from './kafka.ts';
import { makeParties, type TestParties } from './parties.ts';
import { publishEvent, serviceEnv } from './service-env.ts';

/** What differs between the services a test runs in-process: their wiring, their migrations, the topics used. */
export type ServiceUnderTest<C extends ServiceConfig, H> = Readonly<{
  /**
   * The service's definition from its environment (its config loader and service factory). Its name names the test
   * database, cloned from a template migrated once with its migrations (database.ts).
   */
  define: (env: NodeJS.ProcessEnv) => ServiceDefinition<C, H>;
  /** Topics the test publishes to, created before the service starts (names without the prefix). */
  publishes?: readonly string[];
  /** Topics recorded from the beginning for assertions (names without the prefix). */
  records?: readonly string[];
  /** The service's own test configuration, over `serviceEnv`'s. */
  env?: NodeJS.ProcessEnv;
}>;

export type HarnessOptions = Readonly<{
  databaseServerUrl: string;
  kafkaBrokers: string;
  /** One cast (and topic prefix) shared by several services of one test; fresh ones otherwise. */
  parties?: TestParties;
  prefix?: string;
  /** Configuration beyond the test defaults of `serviceEnv` (e.g. a rate limit, a rules file). */
  env?: NodeJS.ProcessEnv;
}>;

export type ServiceHarness = Awaited<ReturnType<typeof startServiceHarness>>;

/**
 * A service in-process on the real broker and PostgreSQL (docs/architecture.md §4): a fresh migrated database,
 * prefixed topics, a cast of its own, listening on a free port (a stream needs a socket), with a producer for the
 * other services' events and a recorder of the topics the test watches.
 */
export const startServiceHarness = async <C extends ServiceConfig, H>(s: ServiceUnderTest<C, H>, o: HarnessOptions) => {
  const parties = o.parties ?? makeParties();
  const prefix = o.prefix ?? testPrefix();
  const topic = prefixed(prefix);
  const kafka = testKafka(o.kafkaBrokers);
  await createTestTopics(kafka, [...(s.publishes ?? []), ...(s.records ?? [])].map(topic));
  const envFor = (databaseUrl: string) =>
    serviceEnv({ databaseUrl, kafkaBrokers: o.kafkaBrokers, partiesFile: parties.file, prefix });
  // the definition is plain data until built: read its name and migrations before its database exists
  const { name, migrationsFolder } = s.define({ ...envFor(o.databaseServerUrl), ...s.env, ...o.env });
  const databaseUrl = await freshDatabase(o.databaseServerUrl, name, migrationsFolder);
  const env = envFor(databaseUrl);
  const service: BuiltService<H> = await buildService(s.define({ ...env, ...s.env, ...o.env }));
  const url = await service.app.listen({ port: 0, host: '127.0.0.1' });
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();
  const recorder = s.records === undefined ? undefined : await recordTopics(kafka, s.records.map(topic));

  /** Publishes another service's event on `name` (without the prefix), as that service's relay would. */
  const publish = (name: string, e: Parameters<typeof publishEvent>[2]): Promise<string> =>
    publishEvent(producer, topic(name), e);

  const stop = async () => {
    await recorder?.stop();
    await producer.disconnect();
    await service.stop();
  };
  return {
    parties,
    prefix,
    kafka,
    databaseUrl,
    service,
    app: service.app,
    db: service.deps.db,
    url,
    call: injectAs(service.app, parties),
    producer,
    publish,
    /** What was recorded of `records`, in order of arrival. */
    recorded: recorder?.received ?? [],
    stop,
  };
};
