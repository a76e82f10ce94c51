import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Query index of declarations, written in the same transaction as each event: `GET /declarations?waybillId=`, the
 * per-party filter, and the bill's other declarations a new import is checked against (docs/contract.md §5). Offices are stored
 * in canonical form (docs/codes.md aliases: CNCKG ≡ CNCQI).
 */
export const declarationIndex = pgTable(
  'declaration_index',
  {
    declarationId: uuid('declaration_id').primaryKey(),
    waybillId: uuid('waybill_id').notNull(),
    type: text('type').notNull(),
    office: text('office').notNull(),
    destinationOffice: text('destination_office'),
    status: text('status').notNull(),
    parties: text('parties').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('declaration_index_waybill').on(t.waybillId, t.declarationId),
    index('declaration_index_parties').using('gin', t.parties),
    index('declaration_index_office').on(t.office),
    index('declaration_index_destination_office').on(t.destinationOffice),
  ],
);
