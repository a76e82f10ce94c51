import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

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

/**
 * One row per shipment (a bill's correlation id), refolded from its events whenever one arrives: the search
 * columns of the shipment list and the flags of the attention panel (docs/console.md).
 */
export const shipments = pgTable(
  'shipments',
  {
    waybillId: text('waybill_id').primaryKey(),
    billNumber: text('bill_number'),
    status: text('status'),
    /** The seq of the last event folded in: the list's order and cursor. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastEventAt: text('last_event_at').notNull(),
    containers: text('containers').array().notNull(),
    creditNumbers: text('credit_numbers').array().notNull(),
    parties: text('parties').array().notNull(),
    places: text('places').array().notNull(),
    /** What needs an operator, as flags (see `attention/flags.ts`). */
    attention: text('attention').array().notNull(),
    /** The earliest decision deadline (YYYY-MM-DD) of a presentation not yet honoured or refused. */
    decisionDeadline: text('decision_deadline'),
    summary: jsonb('summary').notNull(),
  },
  (t) => [
    index('shipments_last_seq').on(t.lastSeq),
    index('shipments_bill_number').on(t.billNumber),
    index('shipments_containers').using('gin', t.containers),
    index('shipments_credit_numbers').using('gin', t.creditNumbers),
    index('shipments_parties').using('gin', t.parties),
    index('shipments_places').using('gin', t.places),
  ],
);

/** Single-use tickets that open the live stream without a token in its URL (docs/console.md "Live stream"). */
export const streamTickets = pgTable('stream_tickets', {
  /** SHA-256 of the ticket: the ticket itself is never stored. */
  ticketHash: text('ticket_hash').primaryKey(),
  partyId: text('party_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
});
