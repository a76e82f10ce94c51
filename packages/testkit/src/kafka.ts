import { randomBytes } from 'node:crypto';
import { createKafka, createLogger, ensureTopics } from '@railbill/platform';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** A per-test prefix for topics and consumer groups: tests are isolated by names, not by cleanup (STYLE §4). */
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
