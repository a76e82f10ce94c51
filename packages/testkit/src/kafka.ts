import { randomBytes } from 'node:crypto';
import { createKafka, createLogger, ensureTopics } from '@railbill/platform';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** A per-test prefix for topics and consumer groups: tests are isolated by names, not by cleanup (docs/architecture.md §4). */
export const testPrefix = (): string => `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}.`;

export const prefixed = (prefix: string) => (topic: string) => `${prefix}${topic}`;

export const testKafka = (brokers: string): Kafka =>
  createKafka(`test-${process.pid}`, brokers.split(','), createLogger('test-kafka', 'silent'));

export const createTestTopics = async (kafka: Kafka, topics: readonly string[]): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, topics);
  } finally {
    await admin.disconnect();
  }
};

export type Received = Readonly<{
  topic: string;
  partition: number;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}>;

const toReceived = (topic: string, partition: number, m: KafkaMessage): Received => ({
  topic,
  partition,
  key: m.key?.toString() ?? null,
  value: m.value?.toString() ?? '',
  headers: Object.fromEntries(
    Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]),
  ),
});

/** A consumer of its own group reading `topics` from the beginning into an array, for assertions. */
export const recordTopics = async (kafka: Kafka, topics: readonly string[]) => {
  const received: Received[] = [];
  const consumer = kafka.consumer({ groupId: `recorder-${randomBytes(6).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      received.push(toReceived(topic, partition, message));
    },
  });
  return { received, stop: () => consumer.disconnect() };
};

/**
 * Every record on every topic whose name starts with `prefix` (a test run's topics, DLQs included), read from the
 * beginning up to the offsets the topics had when called.
 */
export const readAllRecords = async (kafka: Kafka, prefix: string, timeoutMs = 30_000): Promise<Received[]> => {
  const admin = kafka.admin();
  await admin.connect();
  let topics: string[];
  let expected = 0;
  try {
    topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    for (const t of topics)
      for (const p of await admin.fetchTopicOffsets(t)) expected += Number(p.high) - Number(p.low);
  } finally {
    await admin.disconnect();
  }
  if (topics.length === 0) return [];
  const recorder = await recordTopics(kafka, topics);
  try {
    const deadline = Date.now() + timeoutMs;
    while (recorder.received.length < expected) {
      if (Date.now() > deadline)
        throw new Error(`read ${recorder.received.length} of ${expected} records of ${topics.join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return [...recorder.received];
  } finally {
    await recorder.stop();
  }
};
