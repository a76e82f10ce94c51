import { sql } from 'drizzle-orm';
import { index, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Query index of bills, written in the same transaction as each event: lists and per-party filters (docs/contract.md §3). */
export const waybillIndex = pgTable(
  'waybill_index',
  {
    waybillId: uuid('waybill_id').primaryKey(),
    status: text('status').notNull(),
    type: text('type').notNull(),
    holder: text('holder'),
    billNumber: text('bill_number'),
    creditNumber: text('credit_number'),
    parties: text('parties').array().notNull(),
    places: text('places').array().notNull(),
    containers: text('containers').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('waybill_index_parties').using('gin', t.parties),
    index('waybill_index_places').using('gin', t.places),
    index('waybill_index_containers').using('gin', t.containers),
    index('waybill_index_credit').on(t.creditNumber).where(sql`credit_number is not null`),
  ],
);

/** Carriers' Ed25519 keys generated once when the parties file gives none (docs/contract.md §2). */
export const carrierKeys = pgTable('carrier_keys', {
  carrierId: text('carrier_id').primaryKey(),
  privateKeyPem: text('private_key_pem').notNull(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * Bill numbers (docs/contract.md §3 issue): one sequence for all carriers, so concurrent issues never queue on a counter row;
 * a refused issue leaves a gap, which a carrier's numbering may have.
 */
export const billNumberSequence = pgSequence('bill_number_seq', { startWith: 1 });
