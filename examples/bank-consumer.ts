// A bank's subscriber to railbill's letter-of-credit events (docs/bank-integration.md).
// Run: node examples/bank-consumer.ts   (env: KAFKA_BROKERS, BANK_CONSUMER_GROUP, KAFKA_TOPIC_PREFIX)
import { LC_TOPIC, parseEnvelope } from '@railbill/contracts';
import { Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
// the bank's own consumer group: its offsets are independent of railbill's services and of other banks
const groupId = process.env.BANK_CONSUMER_GROUP ?? 'bank-example';
const topic = `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${LC_TOPIC}`;

const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId });
// at-least-once delivery: remember handled event ids (a real bank keeps them with its own state, in one transaction)
const handled = new Set<string>();

const handle = (value: string): string => {
  const parsed = parseEnvelope(value);
  if (!parsed.ok) return `skipped: ${parsed.reason}`;
  const { envelope, data } = parsed.event;
  if (handled.has(envelope.id)) return `duplicate ${envelope.id}`;
  handled.add(envelope.id);
  const { creditNumber } = data as { creditNumber?: string };
  return `${envelope.time} ${envelope.type} credit=${creditNumber ?? '?'} id=${envelope.subject} seq=${envelope.sequence} shipment=${envelope.correlationid}`;
};

await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ topic: t, partition, message }) => {
    process.stdout.write(`${handle(message.value?.toString('utf8') ?? '')}\n`);
    // commit only after the event was handled: a crash before this line replays it (and the id check skips it)
    await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  },
});

const stop = async () => {
  await consumer.disconnect();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
