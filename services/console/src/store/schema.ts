import { bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Every event of the three topics as the console received it (its projection). `seq` is the order of receipt:
 * the live stream's SSE id and the list cursor.
 */
export const events = pgTable(
  'events',
  {
    eventId: uuid('event_id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    topic: text('topic').notNull(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    correlationId: text('correlation_id').notNull(),
    time: text('time').notNull(),
    sequence: text('sequence').notNull(),
    /** Set on letter-of-credit events: links a credit's early events (own correlation id) to its shipment. */
    creditNumber: text('credit_number'),
    envelope: jsonb('envelope').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('events_correlation_id').on(t.correlationId, t.time),
    index('events_subject').on(t.subject),
    index('events_type').on(t.type),
    index('events_credit_number').on(t.creditNumber),
  ],
);

/** Raw records of the dead-letter topics (`<group>.dlq.v1`): not necessarily valid envelopes. */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    partition: integer('partition').notNull(),
    offset: text('offset').notNull(),
    key: text('key'),
    reason: text('reason'),
    /** The headers of the record (original topic/partition/offset, consumer group, traceparent…). */
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    value: text('value'),
    /** The Kafka timestamp of the dead-letter record. */
    deadLetteredAt: timestamp('dead_lettered_at', { withTimezone: true, mode: 'string' }),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [unique('dead_letters_position').on(t.topic, t.partition, t.offset)],
);
