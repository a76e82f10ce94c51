import kafkajs, { type Admin, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from '../logger.ts';

const { Kafka: KafkaClient, logLevel, CompressionTypes } = kafkajs;

export { CompressionTypes };

/** kafkajs logs routed into pino, at warn and above. */
const logCreator =
  (log: Logger) => () => (entry: { level: number; log: { message: string } & Record<string, unknown> }) => {
    const { message, ...rest } = entry.log;
    if (entry.level <= logLevel.ERROR) log.error({ kafka: rest }, message);
    else if (entry.level === logLevel.WARN) log.warn({ kafka: rest }, message);
  };

export const createKafka = (clientId: string, brokers: readonly string[], log: Logger): Kafka =>
  new KafkaClient({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    logCreator: logCreator(log.child({ component: 'kafkajs' })),
    retry: { initialRetryTime: 100, retries: 8 },
  });

/** Idempotent producer: acks from all replicas, one request in flight, so per-key order holds across retries. */
export const createIdempotentProducer = (kafka: Kafka): Producer =>
  kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // the idempotent producer must keep retrying, or a retry limit could reorder or duplicate (kafkajs EoS note)
    retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
  });

export const TOPIC_PARTITIONS = 3;

/** Creates the topics that are missing (docs/architecture.md §4: topics are created once, up front). */
export const ensureTopics = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  // several services may create the same topics at once; while a topic's leader is being elected the broker
  // answers a retriable UNKNOWN_TOPIC_OR_PARTITION, so a start-up retries instead of crashing
  for (let attempt = 1; ; attempt++) {
    try {
      return await createMissing(admin, topics);
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
};

const createMissing = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  try {
    // kafkajs's own `waitForLeaders` keeps polling after a failed creation and can reject with nobody awaiting it
    // (an unhandled rejection that ended the process when two services created the same topics): wait here instead
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS, replicationFactor: 1 })),
    });
  } catch (error) {
    // a concurrent creator won: TOPIC_ALREADY_EXISTS is fine
    if (!String((error as Error).message).includes('already exists')) throw error;
  }
  await leadersOf(admin, missing);
};

/** Waits until every partition of `topics` has a leader (a topic just created has none for a moment). */
const leadersOf = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  for (let attempt = 1; attempt <= 100; attempt++) {
    const led = await admin
      .fetchTopicMetadata({ topics: [...topics] })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch((error: unknown) => {
        if ((error as { retriable?: unknown }).retriable !== true) throw error;
        return false;
      });
    if (led) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no leader for the partitions of ${topics.join(', ')}`);
};

export const dlqTopicOf = (group: string): string => `${group}.dlq.v1`;
