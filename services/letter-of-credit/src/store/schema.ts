import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
