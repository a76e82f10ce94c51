import type pg from 'pg';
import type { Logger } from '../logger.ts';
import { OUTBOX_CHANNEL } from '../store/event-store.ts';

export type OutboxListener = Readonly<{ stop: () => Promise<void> }>;

/**
 * A connection held open for `LISTEN` on the outbox channel. When PostgreSQL restarts, the held connection emits
 * `error`: unhandled, that crashed the process (found by `pnpm chaos`, docs/reliability.md). The client is dropped
 * and the listener reconnects with a capped backoff; meanwhile the relay's fallback poll keeps it draining.
 */
export const listenForOutbox = (pool: pg.Pool, onNotify: () => void, log: Logger): OutboxListener => {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (backoff: number): Promise<void> => {
    if (stopped) return;
    try {
      const c = await pool.connect();
      c.on('notification', () => onNotify());
      c.on('error', (error) => {
        log.warn({ err: error }, 'outbox listener lost its connection; reconnecting');
        if (client === c) client = undefined;
        c.release(error);
        schedule(100);
      });
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopped) {
        c.release();
        return;
      }
      client = c;
    } catch (error) {
      log.warn({ err: error }, 'outbox listener cannot connect; retrying');
      schedule(Math.min(backoff * 2, 5000));
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(ms), ms);
  };

  const started = connect(100);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await started;
      const c = client;
      client = undefined;
      if (c !== undefined) {
        await c.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined);
        c.release();
      }
    },
  };
};
