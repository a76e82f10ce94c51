import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { indexRowOf } from './event-store.ts';

const thingIndex = pgTable('thing_index', {
  thingId: uuid('thing_id').primaryKey(),
  billNumber: text('bill_number'),
  parties: text('parties').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

describe('indexRowOf', () => {
  it('names the table, the key and every column as PostgreSQL knows them, in the order given', () => {
    const row = indexRowOf(thingIndex, 'thingId', {
      billNumber: null,
      parties: ['a', 'b'],
      updatedAt: '2026-04-14T02:00:00.000Z',
    });
    expect(row).toEqual({
      table: 'thing_index',
      key: 'thing_id',
      row: { bill_number: null, parties: ['a', 'b'], updated_at: '2026-04-14T02:00:00.000Z' },
    });
    expect(Object.keys(row.row)).toEqual(['bill_number', 'parties', 'updated_at']);
  });

  it('refuses a property the table does not have (one that got past the types)', () => {
    const row = { billNumber: null, parties: [], updatedAt: '', holder: 'x' };
    expect(() => indexRowOf(thingIndex, 'thingId', row)).toThrow('thing_index has no column holder');
  });
});
