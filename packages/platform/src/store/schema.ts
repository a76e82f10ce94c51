import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Platform tables every service's database has; each service's drizzle config includes this file. */

/** The current state of each document: a cache of its events, written in the same transaction (docs/architecture.md §2). */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    correlationId: text('correlation_id').notNull(),
    state: jsonb('state').notNull(),
    /** The `hash` of the document's last event (hash-chained documents): the next event's `prevHash`, read with the row. */
    lastHash: text('last_hash'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('documents_kind_status').on(t.kind, t.status)],
);

/** Every event of every document, in order: the truth. `hash`/`prev_hash`/`signature` serve hash-chained documents. */
export const documentEvents = pgTable(
  'document_events',
  {
    documentId: uuid('document_id').notNull(),
    sequence: integer('sequence').notNull(),
    eventId: uuid('event_id').notNull().unique(),
    type: text('type').notNull(),
    time: text('time').notNull(),
    data: jsonb('data').notNull(),
    correlationId: text('correlation_id').notNull(),
    causationId: text('causation_id'),
    hash: text('hash'),
    prevHash: text('prev_hash'),
    signature: text('signature'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.sequence] })],
);

/** Transactional outbox: rows written with the state change, published by the relay (docs/contract.md §6). */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    topic: text('topic').notNull(),
    key: text('key').notNull(),
    /** The CloudEvents envelope as JSON text: written and sent as is, never parsed by PostgreSQL (bench/README.md). */
    envelope: text('envelope').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    /** The W3C `traceparent` of the request or consumed event whose work wrote the row (docs/operations.md). */
    traceContext: text('trace_context'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('outbox_unpublished').on(t.id).where(sql`published_at is null`),
    // the rare rows the relay dead-lettered (messaging/relay-screen.ts): later events of their key follow them
    index('outbox_dead_lettered').on(t.key).where(sql`headers ? 'dlq-reason'`),
  ],
);

/** Inbox: one row per consumed event id and consumer; a duplicate insert means "already applied". */
export const inbox = pgTable(
  'inbox',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    topic: text('topic').notNull(),
    partition: integer('partition').notNull(),
    offset: text('offset').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/** Idempotency keys of creating requests: the stored answer is replayed (docs/contract.md §3). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    partyId: text('party_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.key] })],
);

/** Read models built from consumed events (e.g. another service's bills), one row per (projection, document). */
export const projections = pgTable(
  'projections',
  {
    name: text('name').notNull(),
    id: text('id').notNull(),
    /** The `sequence` of the last event applied: older or equal sequences are ignored. */
    version: integer('version').notNull(),
    /** How many events were applied: a crash test's measure of "exactly once in effect". */
    applied: integer('applied').notNull(),
    state: jsonb('state').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.name, t.id] })],
);
