import { eventually, freshDatabase } from '@railbill/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createPool } from '../store/db.ts';
import { OUTBOX_CHANNEL } from '../store/event-store.ts';
import { listenForOutbox } from './outbox-listener.ts';

// Regression (issue #16, found by `pnpm chaos`): a PostgreSQL restart made the relay's LISTEN connection emit an
// unhandled `error`, which crashed the service.
let pool: ReturnType<typeof createPool>;
beforeAll(async () => {
  pool = createPool(await freshDatabase(inject('databaseUrl'), 'platform'));
});
afterAll(async () => {
  await pool.end();
});

const listenerPid = async (): Promise<number | undefined> => {
  const r = await pool.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and query = $1`,
    [`LISTEN ${OUTBOX_CHANNEL}`],
  );
  return r.rows[0]?.pid;
};

describe('the outbox listener', () => {
  it('survives its connection being killed by the server, reconnects, and hears notifications again', async () => {
    let woken = 0;
    const listener = listenForOutbox(pool, () => woken++, createLogger('test', 'silent'));
    try {
      const first = await eventually(listenerPid, 10_000, 'the listener');
      await pool.query('select pg_terminate_backend($1)', [first]);
      const second = await eventually(
        async () => {
          const pid = await listenerPid();
          return pid !== undefined && pid !== first ? pid : undefined;
        },
        10_000,
        'a new listener connection',
      );
      expect(second).not.toBe(first);
      await pool.query(`select pg_notify('${OUTBOX_CHANNEL}', '')`);
      await eventually(async () => (woken > 0 ? true : undefined), 5000, 'a notification');
    } finally {
      await listener.stop();
    }
    expect(await listenerPid()).toBeUndefined();
  });
});
