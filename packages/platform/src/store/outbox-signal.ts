import type pg from 'pg';

/**
 * The in-process wake-up of the outbox relay. A transaction that wrote outbox rows marks its connection; when the pool
 * gets that connection back (after COMMIT or ROLLBACK) the relay is woken. Nothing is sent to PostgreSQL: a
 * `pg_notify` inside the command's transaction would take a database-wide lock at commit and cost group commit
 * (bench/README.md). Rows committed by another instance are found by the relay's adaptive polling.
 */
const written = new WeakSet<object>();

/** Marks the connection of the transaction that just wrote outbox rows. */
export const markOutboxWritten = (client: object): void => {
  written.add(client);
};

/** Calls `onCommitted` each time a connection that wrote outbox rows goes back to `pool`; returns the unsubscribe. */
export const watchOutboxCommits = (pool: pg.Pool, onCommitted: () => void): (() => void) => {
  const onRelease = (error: Error | undefined, client: object) => {
    if (written.delete(client) && error === undefined) onCommitted();
  };
  pool.on('release', onRelease);
  return () => {
    pool.off('release', onRelease);
  };
};
