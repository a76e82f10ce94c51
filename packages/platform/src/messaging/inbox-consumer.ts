import { headerNames, type ParsedEvent, parseEnvelope } from '@railbill/contracts';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { failpoint } from '../failpoint.ts';
import type { Logger } from '../logger.ts';
import type { Db, Tx } from '../store/db.ts';
import { inbox } from '../store/schema.ts';
import { dlqTopicOf } from './kafka.ts';
import { activeTraceHeaders, withConsumedTrace } from './trace-context.ts';
import { isTransient, transientBackoffMs } from './transient.ts';

/** A handler refuses a message for good (e.g. the domain rejects it deterministically): straight to the DLQ. */
export class PermanentFailure extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentFailure';
  }
}

export type MessageContext = Readonly<{ log: Logger; topic: string; partition: number; offset: string }>;
export type MessageHandler = (tx: Tx, event: ParsedEvent, ctx: MessageContext) => Promise<void>;

export type InboxConsumerDeps = Readonly<{
  kafka: Kafka;
  db: Db;
  producer: Producer;
  log: Logger;
  /** Consumer group = service name (STYLE §3); the DLQ is `<group>.dlq.v1`. */
  group: string;
  /** Logical topic → handler. */
  handlers: Readonly<Record<string, MessageHandler>>;
  topicName?: (topic: string) => string;
  maxAttempts?: number;
  fromBeginning?: boolean;
  onProcessed?: (outcome: 'applied' | 'duplicate' | 'dead_lettered') => void;
}>;

export type InboxConsumer = Readonly<{ start: () => Promise<void>; stop: () => Promise<void> }>;

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const v = headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per message, one transaction: record the event id (a duplicate is skipped) → handler → its outbox rows. The offset
 * is committed only after that transaction, so a crash in between replays the message and the inbox skips it.
 */
export const createInboxConsumer = (deps: InboxConsumerDeps): InboxConsumer => {
  const topicName = deps.topicName ?? ((t: string) => t);
  const logicalTopic = new Map(Object.keys(deps.handlers).map((t) => [topicName(t), t]));
  const maxAttempts = deps.maxAttempts ?? 5;
  const dlq = topicName(dlqTopicOf(deps.group));
  // A short session lets a restarted instance take its partitions back quickly after a crash (the dead member's
  // session must expire before the group rebalances).
  const consumer: Consumer = deps.kafka.consumer({
    groupId: topicName(deps.group),
    allowAutoTopicCreation: false,
    sessionTimeout: 8000,
    heartbeatInterval: 1000,
  });
  let stopping = false;

  const deadLetter = async (topic: string, partition: number, message: KafkaMessage, reason: string) => {
    deps.log.warn({ topic, partition, offset: message.offset, reason }, 'message dead-lettered');
    await deps.producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            ...activeTraceHeaders(),
            [headerNames.dlqReason]: reason.slice(0, 2000),
            'dlq-original-topic': topic,
            'dlq-original-partition': String(partition),
            'dlq-original-offset': message.offset,
            'dlq-consumer-group': deps.group,
          },
        },
      ],
    });
    deps.onProcessed?.('dead_lettered');
  };

  const apply = async (topic: string, partition: number, message: KafkaMessage, event: ParsedEvent) => {
    const handler = deps.handlers[logicalTopic.get(topic) ?? topic];
    if (handler === undefined) throw new PermanentFailure(`no handler for topic ${topic}`);
    const log = deps.log.child({
      eventId: event.envelope.id,
      eventType: event.envelope.type,
      correlationId: event.envelope.correlationid,
      traceparent: headerText(message.headers, headerNames.traceparent),
    });
    return deps.db.transaction(async (tx) => {
      const fresh = await tx
        .insert(inbox)
        .values({
          consumer: deps.group,
          eventId: event.envelope.id,
          topic: logicalTopic.get(topic) ?? topic,
          partition,
          offset: message.offset,
        })
        .onConflictDoNothing()
        .returning({ eventId: inbox.eventId });
      if (fresh.length === 0) return 'duplicate' as const;
      await handler(tx, event, { log, topic, partition, offset: message.offset });
      failpoint('inbox.before-commit');
      return 'applied' as const;
    });
  };

  const process = async (topic: string, partition: number, message: KafkaMessage) => {
    const parsed = parseEnvelope(message.value?.toString('utf8') ?? '');
    if (!parsed.ok) return deadLetter(topic, partition, message, parsed.reason);
    // attempt counts failures that are not transient; a transient one (a version conflict) retries without limit
    for (let attempt = 1, transient = 0; ; ) {
      try {
        const outcome = await apply(topic, partition, message, parsed.event);
        failpoint('inbox.after-commit');
        deps.onProcessed?.(outcome);
        return;
      } catch (error) {
        // stopping: leave the offset uncommitted; the message is redelivered after the restart
        if (stopping) throw error;
        if (isTransient(error)) {
          transient += 1;
          deps.log.info({ err: error, transient, topic, partition, offset: message.offset }, 'transient; retrying');
          await sleep(transientBackoffMs(transient));
          continue;
        }
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof PermanentFailure || attempt >= maxAttempts)
          return deadLetter(topic, partition, message, reason);
        deps.log.warn({ err: error, attempt, topic, partition, offset: message.offset }, 'message failed; retrying');
        await sleep(Math.min(100 * 2 ** attempt, 5000));
        attempt += 1;
      }
    }
  };

  return {
    start: async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [...logicalTopic.keys()], fromBeginning: deps.fromBeginning ?? true });
      await consumer.run({
        // kafkajs resolves a message's offset only when eachMessage returned, i.e. after its transaction
        // committed, and commits resolved offsets every second (and on stop): a crash in between replays
        // messages the inbox then skips. Committing after every message would cap a partition at ~50 msg/s.
        autoCommit: true,
        autoCommitInterval: 1000,
        partitionsConsumedConcurrently: 3,
        eachMessage: async ({ topic, partition, message }) => {
          await withConsumedTrace(topic, deps.group, message, () => process(topic, partition, message));
        },
      });
    },
    stop: async () => {
      stopping = true;
      // disconnect finishes the in-flight eachMessage, then leaves the group
      await consumer.disconnect();
    },
  };
};
