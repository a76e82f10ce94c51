import { asyncApiDocument, type Topic } from '@railbill/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type pg from 'pg';
import { brokersOf } from './config.ts';
import { type App, createApp } from './http/create-app.ts';
import { createMetrics, type Metrics } from './http/metrics.ts';
import type { Logger } from './logger.ts';
import { createLogger } from './logger.ts';
import { createInboxConsumer, type InboxConsumer, type MessageHandler } from './messaging/inbox-consumer.ts';
import { createIdempotentProducer, createKafka, dlqTopicOf, ensureTopics } from './messaging/kafka.ts';
import { createOutboxRelay, type OutboxRelay } from './messaging/outbox-relay.ts';
import { type DomainGauge, registerDomainMetrics } from './observability/domain-metrics.ts';
import { loadParties, type Parties } from './parties.ts';
import { onShutdown, type Stoppable } from './shutdown.ts';
import { createDb, createPool, type Db, ensureDatabase, runMigrations } from './store/db.ts';
import { startTracing } from './tracing/setup.ts';

export type ServiceConfig = Readonly<{
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
  PORT: number;
  HOST: string;
  RAILBILL_PARTIES?: string | undefined;
  RAILBILL_PARTIES_JSON?: string | undefined;
  LOG_LEVEL: string;
  BODY_LIMIT_BYTES: number;
  RATE_LIMIT_PER_MINUTE: number;
  OUTBOX_POLL_MS: number;
  KAFKA_TOPIC_PREFIX: string;
}>;

/** What a service's routes and consumers are wired with (docs/architecture.md §1: passed explicitly, no decorators). */
export type ServiceDeps = Readonly<{
  db: Db;
  pool: pg.Pool;
  parties: Parties;
  log: Logger;
  metrics: Metrics;
  kafka: Kafka;
}>;

export type ServiceDefinition<C extends ServiceConfig, H = undefined> = Readonly<{
  name: string;
  description: string;
  config: C;
  migrationsFolder: string;
  /** The topic this service's outbox publishes to, if any. */
  produces?: Topic;
  /**
   * What the routes, the consumers and the background work share, built once: a document's command handler
   * (app/command-handler.ts), through which they all run their commands; the console's event feed.
   */
  core: (deps: ServiceDeps) => H;
  /** Consumed topics and their handlers, built once the dependencies exist. */
  consumers?: (deps: ServiceDeps, core: H) => Readonly<Partial<Record<Topic, MessageHandler>>>;
  routes: (app: App, deps: ServiceDeps, core: H) => void | Promise<void>;
  /** The service's own domain gauges for operators (docs/operations.md), read from its database at each scrape. */
  gauges?: readonly DomainGauge[];
  /** Extra background work (e.g. a scheduled job), stopped before the relay. */
  background?: (deps: ServiceDeps, core: H) => { start: () => Promise<void>; stop: () => Promise<void> };
}>;

export type BuiltService<H = unknown> = Readonly<{
  app: App;
  deps: ServiceDeps;
  /** The core the routes, consumers and jobs share (the service's command handler); tests drive it directly. */
  core: H;
  relay: OutboxRelay | undefined;
  /** Everything to stop, in order: HTTP, background work, consumers, the relay's final flush, Kafka, the pool. */
  parts: readonly Stoppable[];
  stop: () => Promise<void>;
}>;

/**
 * The wiring every service shares, in docs/architecture.md §2's order: config → pool → migrations → app → outbox relay →
 * consumers. Tests use it in-process with `app.inject()`; `startService` adds shutdown hooks and listens.
 */
export const buildService = async <C extends ServiceConfig, H>(
  def: ServiceDefinition<C, H>,
): Promise<BuiltService<H>> => {
  const { config } = def;
  const tracing = startTracing(def.name);
  const log = createLogger(def.name, config.LOG_LEVEL);
  const topicName = (t: string) => `${config.KAFKA_TOPIC_PREFIX}${t}`;
  const parties = loadParties({ file: config.RAILBILL_PARTIES, json: config.RAILBILL_PARTIES_JSON });
  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL);
  const db = createDb(pool);
  await runMigrations(db, def.migrationsFolder);
  const metrics = createMetrics(def.name);
  const kafka = createKafka(def.name, brokersOf(config.KAFKA_BROKERS), log);
  const admin = kafka.admin();
  await admin.connect();
  const deps: ServiceDeps = { db, pool, parties, log, metrics, kafka };
  const core = def.core(deps);
  const handlers = def.consumers?.(deps, core) ?? {};
  const consumed = Object.keys(handlers) as Topic[];
  await ensureTopics(
    admin,
    [
      ...(def.produces === undefined ? [] : [def.produces]),
      ...consumed,
      ...(consumed.length > 0 || def.produces !== undefined ? [dlqTopicOf(def.name)] : []),
    ].map(topicName),
  );

  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();
  const app = await createApp({
    name: def.name,
    description: def.description,
    log,
    parties,
    metrics,
    bodyLimit: config.BODY_LIMIT_BYTES,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    asyncApi: asyncApiDocument({
      title: `railbill ${def.name}`,
      produces: def.produces === undefined ? [] : [def.produces],
      consumes: consumed,
    }),
    readiness: {
      database: async () => {
        await pool.query('select 1');
      },
      kafka: async () => {
        await admin.describeCluster();
      },
    },
    routes: (scoped) => def.routes(scoped, deps, core),
  });
  const relay =
    def.produces === undefined
      ? undefined
      : createOutboxRelay({
          db,
          pool,
          producer,
          log: log.child({ component: 'outbox-relay' }),
          pollMs: config.OUTBOX_POLL_MS,
          topicName,
          deadLetterTopic: topicName(dlqTopicOf(def.name)),
          onPublished: (n) => metrics.eventsPublished.inc(n),
        });
  await relay?.start();
  const consumer: InboxConsumer | undefined =
    consumed.length === 0
      ? undefined
      : createInboxConsumer({
          kafka,
          db,
          producer,
          log: log.child({ component: 'inbox-consumer' }),
          group: def.name,
          handlers: handlers as Record<string, MessageHandler>,
          topicName,
          onProcessed: (outcome) => metrics.messagesConsumed.inc({ outcome }),
        });
  await consumer?.start();
  registerDomainMetrics({
    registry: metrics.registry,
    pool,
    log,
    gauges: def.gauges ?? [],
    inbox: consumed.length === 0 ? undefined : { admin, groupId: topicName(def.name), topics: consumed.map(topicName) },
  });
  const background = def.background?.(deps, core);
  await background?.start();

  const parts = [
    { name: 'http', stop: () => app.close() },
    ...(background === undefined ? [] : [{ name: 'background', stop: background.stop }]),
    ...(consumer === undefined ? [] : [{ name: 'inbox-consumer', stop: consumer.stop }]),
    ...(relay === undefined ? [] : [{ name: 'outbox-relay', stop: relay.stop }]),
    { name: 'kafka', stop: async () => Promise.all([producer.disconnect(), admin.disconnect()]).then(() => undefined) },
    { name: 'database', stop: () => pool.end() },
    { name: 'tracing', stop: tracing.shutdown },
  ];
  const stop = async () => {
    for (const part of parts) await part.stop();
  };
  return { app, deps, core, relay, parts, stop };
};

/** Builds the service, stops it gracefully on SIGTERM/SIGINT, and listens. */
export const startService = async <C extends ServiceConfig, H>(
  def: ServiceDefinition<C, H>,
): Promise<BuiltService<H>> => {
  const service = await buildService(def);
  onShutdown(service.deps.log, service.parts);
  await service.app.listen({ port: def.config.PORT, host: def.config.HOST });
  service.deps.log.info({ port: def.config.PORT }, 'listening');
  return service;
};
