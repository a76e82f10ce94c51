import { Rejected } from '../errors.ts';

/**
 * PostgreSQL errors that a retry of the same transaction can clear: serialization failure, deadlock and lock not
 * available.
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);

const isTransientOne = (error: unknown): boolean => {
  if (error instanceof Rejected) return error.error.code === 'version-conflict';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_SQLSTATES.has(code);
};

/**
 * A failure a retry can clear, looked for along the `cause` chain: a lost optimistic-concurrency race
 * (`version-conflict`) is never a permanent refusal of an event-caused command (docs/reliability.md), even when a
 * handler wrapped it in a `PermanentFailure`.
 */
export const isTransient = (error: unknown): boolean => {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    if (isTransientOne(e)) return true;
    seen.add(e);
  }
  return false;
};

/** Backoff before the next try of a transient failure: short, growing, capped; never gives up. */
export const transientBackoffMs = (attempt: number): number =>
  Math.min(20 * 2 ** Math.min(attempt, 8), 2000) * (0.5 + Math.random() / 2);
