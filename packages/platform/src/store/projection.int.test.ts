import { freshDatabase } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, createPool } from './db.ts';
import { applyToProjection, loadProjection } from './projection.ts';

let pool: ReturnType<typeof createPool>;
let db: ReturnType<typeof createDb>;

beforeAll(async () => {
  pool = createPool(await freshDatabase(inject('databaseUrl'), 'platform'));
  db = createDb(pool);
});
afterAll(async () => {
  await pool.end();
});

const count = (n: number) => (s: { n: number } | undefined) => ({ n: (s?.n ?? 0) + n });

describe('projection writes of one transaction', () => {
  it('are applied once each, skip old sequences, and are seen by the transaction’s own next query', async () => {
    const seen = await db.transaction(async (tx) => {
      await applyToProjection(tx, { name: 'p', id: 'a', sequence: 1, fold: count(1) });
      await applyToProjection(tx, { name: 'p', id: 'a', sequence: 2, fold: count(1) });
      await applyToProjection(tx, { name: 'p', id: 'a', sequence: 2, fold: count(100) }); // not newer: ignored
      await applyToProjection(tx, { name: 'p', id: 'b', sequence: 1, fold: count(5) });
      const rows = await tx.execute<{ id: string; applied: number }>(
        sql`select id, applied from projections where name = 'p' order by id`,
      );
      await applyToProjection(tx, { name: 'p', id: 'a', sequence: 3, fold: count(1) });
      return rows.rows;
    });
    expect(seen).toEqual([
      { id: 'a', applied: 2 },
      { id: 'b', applied: 1 },
    ]);
    expect(await loadProjection(db, 'p', 'a')).toMatchObject({ version: 3, applied: 3, state: { n: 3 } });
    expect(await loadProjection(db, 'p', 'b')).toMatchObject({ version: 1, applied: 1, state: { n: 5 } });
  });

  it('are dropped with a rolled-back transaction and leave the connection as it was', async () => {
    await expect(
      db.transaction(async (tx) => {
        await applyToProjection(tx, { name: 'p', id: 'c', sequence: 1, fold: count(1) });
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await loadProjection(db, 'p', 'c')).toBeUndefined();
    await db.transaction(async (tx) => {
      await applyToProjection(tx, { name: 'p', id: 'c', sequence: 1, fold: count(7) });
    });
    expect(await loadProjection(db, 'p', 'c')).toMatchObject({ version: 1, applied: 1, state: { n: 7 } });
  });

  it('fail the transaction rather than lose an update when a row changed under it', async () => {
    await db.transaction(async (tx) => {
      await applyToProjection(tx, { name: 'p', id: 'd', sequence: 1, fold: count(1) });
    });
    await expect(
      db.transaction(async (tx) => {
        await applyToProjection(tx, { name: 'p', id: 'd', sequence: 2, fold: count(1) });
        // the same row written behind the projection's back
        await tx.execute(sql`update projections set version = 9 where name = 'p' and id = 'd'`);
        await applyToProjection(tx, { name: 'p', id: 'd', sequence: 3, fold: count(1) });
      }),
    ).rejects.toMatchObject({ cause: { message: 'a projection row changed under its transaction; retry' } });
    expect(await loadProjection(db, 'p', 'd')).toMatchObject({ version: 1, applied: 1 });
  });
});
