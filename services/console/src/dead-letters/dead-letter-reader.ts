import { headerNames } from '@railbill/contracts';
import { dlqTopicOf, ensureTopics, type ServiceDeps } from '@railbill/platform';
import type { Consumer, IHeaders } from 'kafkajs';
import { deadLetters } from '../store/schema.ts';

export type DeadLetterReaderOptions = Readonly<{
  groups: readonly string[];
  topicName: (t: string) => string;
  /** The reader's own consumer group (prefixed like every group). */
  groupId: string;
}>;

const headerMap = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([k, v]) => {
      const first = Array.isArray(v) ? v[0] : v;
      return first === undefined ? [] : [[k, first.toString()]];
    }),
  );

/**
 * Reads the dead-letter topics raw (their records need not be valid envelopes) into `dead_letters`. Offsets are
 * committed only after the row is stored; a redelivered record hits the (topic, partition, offset) key and is skipped.
 */
export const createDeadLetterReader = (deps: ServiceDeps, o: DeadLetterReaderOptions) => {
  const topics = o.groups.map((g) => o.topicName(dlqTopicOf(g)));
  const consumer: Consumer = deps.kafka.consumer({
    groupId: o.groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 8000,
    heartbeatInterval: 1000,
  });
  const log = deps.log.child({ component: 'dead-letter-reader' });
  return {
    start: async () => {
      const admin = deps.kafka.admin();
      await admin.connect();
      try {
        // a group's DLQ appears when its service first starts; create the missing ones up front (docs/architecture.md §4)
        await ensureTopics(admin, topics);
      } finally {
        await admin.disconnect();
      }
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const headers = headerMap(message.headers);
          const ts = Number(message.timestamp);
          await deps.db
            .insert(deadLetters)
            .values({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              reason: headers[headerNames.dlqReason] ?? null,
              headers,
              value: message.value?.toString('utf8') ?? null,
              deadLetteredAt: Number.isFinite(ts) && ts > 0 ? new Date(ts).toISOString() : null,
            })
            .onConflictDoNothing();
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          log.info({ topic, partition, offset: message.offset }, 'dead letter recorded');
        },
      });
    },
    stop: () => consumer.disconnect(),
  };
};
