import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Query index of credits, written in the same transaction as each event: lists, per-party filters, the unique credit
 * number (a second credit with the same number is 409) and the expiry date the expiry job scans.
 */
export const creditIndex = pgTable(
  'credit_index',
  {
    creditId: uuid('credit_id').primaryKey(),
    number: text('number').notNull().unique(),
    status: text('status').notNull(),
    parties: text('parties').array().notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_index_parties').using('gin', t.parties),
    index('credit_index_expiry').on(t.status, t.expiryDate),
  ],
);

/**
 * Presentations waiting for their bill's events (status `awaiting_documents`), by bill: the waybill consumer examines
 * them once the bill arrives. Rewritten with the credit in each commit.
 */
export const pendingPresentations = pgTable(
  'pending_presentations',
  {
    presentationId: uuid('presentation_id').primaryKey(),
    creditId: uuid('credit_id').notNull(),
    waybillId: uuid('waybill_id').notNull(),
    presentedAt: timestamp('presented_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('pending_presentations_waybill').on(t.waybillId), index('pending_presentations_credit').on(t.creditId)],
);

/** The first key consumed for each carrier with its signed bills (docs/ucp600.md §4: CARRIER_NOT_IDENTIFIED). */
export const carrierKeys = pgTable('carrier_keys', {
  carrierId: text('carrier_id').primaryKey(),
  keyId: text('key_id').notNull(),
  jwk: jsonb('jwk').notNull(),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * The SWIFT messages of a credit's life (docs/swift-messages.md), numbered `n` per credit in order, written in the
 * transaction of the event that produced them; `part` orders an MT700's MT701 continuations after it.
 */
export const bankMessages = pgTable(
  'bank_messages',
  {
    creditId: uuid('credit_id').notNull(),
    n: integer('n').notNull(),
    mt: text('mt').notNull(),
    sender: text('sender').notNull(),
    receiver: text('receiver').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    part: integer('part').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.creditId, t.n] }), unique('bank_messages_event_part').on(t.eventId, t.part)],
);
