// A bank's subscriber to railbill's letter-of-credit events and SWIFT messages (docs/bank-integration.md).
// Run: node examples/bank-consumer.ts
//   env: KAFKA_BROKERS, BANK_CONSUMER_GROUP, KAFKA_TOPIC_PREFIX; to pick up the bank's SWIFT messages as well:
//   LC_URL (e.g. http://127.0.0.1:3002), BANK_TOKEN (the bank's token), BANK_BIC (its BIC as in the parties file)
import { isLcEvent, LC_TOPIC, parseEnvelope } from '@railbill/contracts';
import { Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
// the bank's own consumer group: its offsets are independent of railbill's services and of other banks
const groupId = process.env.BANK_CONSUMER_GROUP ?? 'bank-example';
const topic = `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${LC_TOPIC}`;
const lcUrl = process.env.LC_URL;
const token = process.env.BANK_TOKEN;
const bic = process.env.BANK_BIC;

const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId });
// at-least-once delivery: remember handled event ids and fetched messages (a real bank keeps them with its own state)
const handled = new Set<string>();
const fetched = new Set<string>();

type Listed = { n: number; mt: string; sender: string; receiver: string; eventId: string };

/**
 * The SWIFT messages an event produced for this bank (docs/swift-messages.md): listed at GET /credits/{id}/messages,
 * each served as FIN text at GET /credits/{id}/messages/{n}, ready for the bank's SWIFT interface.
 */
const messagesFor = async (creditId: string, eventId: string): Promise<string[]> => {
  if (lcUrl === undefined || token === undefined || bic === undefined) return [];
  const headers = { authorization: `Bearer ${token}` };
  const list = await fetch(`${lcUrl}/credits/${creditId}/messages?limit=100`, { headers });
  if (!list.ok) return []; // 404: a credit this bank is not on
  const { items } = (await list.json()) as { items: Listed[] };
  const mine = items.filter((m) => m.eventId === eventId && m.receiver === bic && !fetched.has(`${creditId}/${m.n}`));
  const texts: string[] = [];
  for (const m of mine) {
    const fin = await fetch(`${lcUrl}/credits/${creditId}/messages/${m.n}`, { headers });
    if (!fin.ok) continue;
    texts.push(`${m.mt} from ${m.sender}:\n${await fin.text()}`);
    fetched.add(`${creditId}/${m.n}`);
  }
  return texts;
};

const handle = async (value: string): Promise<string> => {
  const parsed = parseEnvelope(value);
  if (!parsed.ok) return `skipped: ${parsed.reason}`;
  const { envelope } = parsed.event;
  if (handled.has(envelope.id)) return `duplicate ${envelope.id}`;
  const creditNumber = isLcEvent(parsed.event) ? parsed.event.data.creditNumber : undefined;
  const line = `${envelope.time} ${envelope.type} credit=${creditNumber ?? '?'} id=${envelope.subject} seq=${envelope.sequence} shipment=${envelope.correlationid}`;
  const messages = await messagesFor(envelope.subject, envelope.id);
  handled.add(envelope.id);
  return [line, ...messages].join('\n');
};

await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ topic: t, partition, message }) => {
    process.stdout.write(`${await handle(message.value?.toString('utf8') ?? '')}\n`);
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
