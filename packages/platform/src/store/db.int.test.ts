import { freshDatabase } from '@railbill/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool } from './db.ts';

// Regression (issue #16, found by `pnpm chaos`): a database restart crashed services through the unhandled `error`
// event of a client checked out of the pool between two queries.
let pool: ReturnType<typeof createPool>;
beforeAll(async () => {
  pool = createPool(await freshDatabase(inject('databaseUrl'), 'platform'));
});
afterAll(async () => {
  await pool.end();
});

describe('the connection pool', () => {
  it('survives the server dropping a checked-out client: its next query fails, the pool replaces it', async () => {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const killer = await pool.connect();
    await killer.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
    killer.release();
    await new Promise((r) => setTimeout(r, 300));
    const failed = await client.query('select 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(Error);
    client.release(failed as Error);
    expect((await pool.query<{ one: number }>('select 1 as one')).rows[0]?.one).toBe(1);
  });
});
