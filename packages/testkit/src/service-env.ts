import { randomBytes } from 'node:crypto';
import { buildEnvelope } from '@railbill/contracts';
import type { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { testDatabaseName } from './database.ts';

/** The environment an in-process service under test is configured with (fresh database, prefixed topics). */
export const serviceEnv = (
  o: Readonly<{ databaseUrl: string; kafkaBrokers: string; partiesFile: string; prefix: string }>,
): NodeJS.ProcessEnv => ({
  DATABASE_URL: o.databaseUrl,
  KAFKA_BROKERS: o.kafkaBrokers,
  RAILBILL_PARTIES: o.partiesFile,
  KAFKA_TOPIC_PREFIX: o.prefix,
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  OUTBOX_POLL_MS: '200',
  PORT: '3999',
});

/** A database name on the test server that the service creates and migrates itself at start. */
export const newDatabaseUrl = (serverUrl: string, service: string): string => {
  const u = new URL(serverUrl);
  u.pathname = `/${testDatabaseName(service)}`;
  return u.toString();
};

/** Publishes another service's event, as that service's relay would: a CloudEvents envelope keyed by document id. */
export const publishEvent = async (
  producer: Producer,
  topic: string,
  e: Readonly<{
    type: string;
    subject: string;
    version: number;
    data: unknown;
    correlationId?: string;
    time?: string;
    id?: string;
  }>,
): Promise<string> => {
  const id = e.id ?? uuidv7();
  const envelope = buildEnvelope({
    id,
    source: '/railbill/test',
    type: e.type,
    subject: e.subject,
    time: e.time ?? new Date().toISOString(),
    version: e.version,
    correlationId: e.correlationId ?? e.subject,
    data: e.data,
  });
  // like a relay, every record carries the W3C trace context of the work that produced it (a fresh trace here)
  const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
  await producer.send({
    topic,
    acks: -1,
    messages: [{ key: e.subject, value: JSON.stringify(envelope), headers: { traceparent } }],
  });
  return id;
};
