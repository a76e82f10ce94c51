import { headerNames, type ParsedEvent, parseEnvelope } from '@railbill/contracts';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { failpoint } from '../failpoint.ts';
import type { Logger } from '../logger.ts';
import { clientOf, type Db, type Tx } from '../store/db.ts';
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
  /** Consumer group = service name (docs/architecture.md §3); the DLQ is `<group>.dlq.v1`. */
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

/** At most this many messages of a fetched batch share one transaction. */
const CHUNK = 1000;

/** A handler's error inside a batch's transaction, with the position of its message. */
class ItemFailed extends Error {
  readonly index: number;
  override readonly cause: unknown;
  constructor(index: number, cause: unknown) {
    super(reasonOf(cause));
    this.name = 'ItemFailed';
    this.index = index;
    this.cause = cause;
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

type Parsed = Readonly<{ message: KafkaMessage; event: ParsedEvent }>;
type Outcome = 'applied' | 'duplicate';

const RECORD_BATCH = {
  name: 'railbill_inbox_record',
  text: `insert into inbox (consumer, event_id, topic, partition, "offset")
         select $1, e.event_id, $2, $3::int, e.off from unnest($4::uuid[], $5::text[]) as e(event_id, off)
         on conflict do nothing returning event_id::text as event_id`,
};

/**
 * A fetched batch (one partition, offset order) is applied in ONE transaction: its event ids are recorded in the
 * inbox with one statement (those already there are duplicates, skipped), then each fresh message's handler runs in
 * order. The offsets are resolved only after that transaction committed, so a crash in between replays the batch and
 * the inbox skips it. If the batch's transaction fails, its messages are taken one at a time (retries, then the
 * DLQ with the reason), so a poison message does not hold back the rest of the batch.
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

  /** The dead letter continues the trace of the message it carries (a message without one starts a trace). */
  const deadLetter = (topic: string, partition: number, message: KafkaMessage, reason: string) =>
    withConsumedTrace(topic, deps.group, message, () => sendDeadLetter(topic, partition, message, reason));
  const sendDeadLetter = async (topic: string, partition: number, message: KafkaMessage, reason: string) => {
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

  const handlerOf = (topic: string): MessageHandler => {
    const handler = deps.handlers[logicalTopic.get(topic) ?? topic];
    if (handler === undefined) throw new PermanentFailure(`no handler for topic ${topic}`);
    return handler;
  };

  /**
   * Runs the handler of one fresh message in the caller's transaction, continuing the producer's trace for its work
   * and the events it causes: the one place a message meets its handler.
   */
  const invoke = async (tx: Tx, topic: string, partition: number, { message, event }: Parsed): Promise<void> => {
    const handler = handlerOf(topic);
    await withConsumedTrace(topic, deps.group, message, () => {
      const log = deps.log.child({
        eventId: event.envelope.id,
        eventType: event.envelope.type,
        correlationId: event.envelope.correlationid,
        traceparent: headerText(message.headers, headerNames.traceparent),
      });
      return handler(tx, event, { log, topic, partition, offset: message.offset });
    });
  };

  /** Records the messages' event ids in the inbox; returns the ids that were new (the others were applied before). */
  const record = async (tx: Tx, topic: string, partition: number, items: readonly Parsed[]): Promise<Set<string>> => {
    const fresh = await clientOf(tx).query<{ event_id: string }>({
      ...RECORD_BATCH,
      values: [
        deps.group,
        logicalTopic.get(topic) ?? topic,
        partition,
        items.map((p) => p.event.envelope.id),
        items.map((p) => p.message.offset),
      ],
    });
    return new Set(fresh.rows.map((r) => r.event_id.toLowerCase()));
  };

  /**
   * The messages in one transaction; an event id seen twice in the batch is applied once. A handler's error is
   * rethrown as `ItemFailed` naming the message, after the transaction rolled back.
   */
  const applyAll = (topic: string, partition: number, items: readonly Parsed[]): Promise<Outcome[]> =>
    deps.db.transaction(async (tx) => {
      const fresh = await record(tx, topic, partition, items);
      const outcomes: Outcome[] = [];
      for (const [index, item] of items.entries()) {
        const id = item.event.envelope.id.toLowerCase();
        if (!fresh.delete(id)) {
          outcomes.push('duplicate');
          continue;
        }
        try {
          await invoke(tx, topic, partition, item);
        } catch (error) {
          throw new ItemFailed(index, error);
        }
        outcomes.push('applied');
      }
      failpoint('inbox.before-commit');
      return outcomes;
    });

  /**
   * One message alone: its own transaction, retried with backoff, then the DLQ with the reason. A transient failure
   * (a lost version race, a serialization failure) is never permanent: it is retried without limit on fresh state.
   */
  const processOne = async (topic: string, partition: number, item: Parsed) => {
    for (let attempt = 1, transient = 0; ; ) {
      try {
        const [outcome] = await applyAll(topic, partition, [item]);
        failpoint('inbox.after-commit');
        deps.onProcessed?.(outcome ?? 'duplicate');
        return;
      } catch (failure) {
        const error = failure instanceof ItemFailed ? failure.cause : failure;
        // stopping: leave the offset uncommitted; the message is redelivered after the restart
        if (stopping) throw error;
        if (isTransient(error)) {
          transient += 1;
          deps.log.info(
            { err: error, transient, topic, partition, offset: item.message.offset },
            'transient; retrying',
          );
          await sleep(transientBackoffMs(transient));
          continue;
        }
        if (error instanceof PermanentFailure || attempt >= maxAttempts)
          return deadLetter(topic, partition, item.message, reasonOf(error));
        deps.log.warn(
          { err: error, attempt, topic, partition, offset: item.message.offset },
          'message failed; retrying',
        );
        await sleep(Math.min(100 * 2 ** attempt, 5000));
        attempt += 1;
      }
    }
  };

  /** A chunk of one partition's batch: malformed messages to the DLQ, the rest in one transaction (or one by one). */
  const processChunk = async (topic: string, partition: number, messages: readonly KafkaMessage[]) => {
    const items: Parsed[] = [];
    for (const message of messages) {
      const parsed = parseEnvelope(message.value?.toString('utf8') ?? '');
      if (parsed.ok) items.push({ message, event: parsed.event });
      else await deadLetter(topic, partition, message, parsed.reason);
    }
    let pending = items;
    while (pending.length > 0) {
      let outcomes: Outcome[];
      try {
        outcomes = await applyAll(topic, partition, pending);
      } catch (failure) {
        if (stopping) throw failure instanceof ItemFailed ? failure.cause : failure;
        if (failure instanceof ItemFailed && failure.cause instanceof PermanentFailure && !isTransient(failure.cause)) {
          // refused for good: dead-letter that message, apply the others again together
          const poison = pending[failure.index] as Parsed;
          await deadLetter(topic, partition, poison.message, reasonOf(failure.cause));
          pending = pending.filter((_, i) => i !== failure.index);
          continue;
        }
        deps.log.warn({ err: failure, topic, partition, messages: pending.length }, 'batch failed; one at a time');
        for (const item of pending) await processOne(topic, partition, item);
        return;
      }
      failpoint('inbox.after-commit');
      for (const outcome of outcomes) deps.onProcessed?.(outcome);
      return;
    }
  };

  return {
    start: async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [...logicalTopic.keys()], fromBeginning: deps.fromBeginning ?? true });
      await consumer.run({
        // offsets are resolved only after their transaction committed; kafkajs commits resolved offsets every
        // second (and on stop): a crash in between replays messages the inbox then skips
        autoCommit: true,
        autoCommitInterval: 1000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 3,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          for (let i = 0; i < batch.messages.length; i += CHUNK) {
            if (!isRunning() || isStale()) return;
            const chunk = batch.messages.slice(i, i + CHUNK);
            await processChunk(batch.topic, batch.partition, chunk);
            resolveOffset((chunk.at(-1) as KafkaMessage).offset);
            await commitOffsetsIfNecessary();
            await heartbeat();
          }
        },
      });
    },
    stop: async () => {
      stopping = true;
      // disconnect finishes the in-flight batch, then leaves the group
      await consumer.disconnect();
    },
  };
};
