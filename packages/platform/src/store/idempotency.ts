import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, sql } from 'drizzle-orm';
import { conflict, Rejected } from '../errors.ts';
import type { Db, Tx } from './db.ts';
import { idempotencyKeys } from './schema.ts';

export type StoredResponse = Readonly<{ status: number; body: unknown }>;
export type IdempotentResult = StoredResponse & Readonly<{ replayed: boolean }>;

/** Hash of a request body in canonical form, so key order does not make "another body". */
export const requestHash = (body: unknown): string =>
  createHash('sha256')
    .update(canonicalize(body) ?? '')
    .digest('hex');

/**
 * Runs `work` at most once per (party, key) (docs/contract.md §3 `Idempotency-Key`): the answer is stored in the same
 * transaction as the state change. Same key and body: the stored answer is replayed; another body: 422;
 * the same key still in flight in another transaction: 409.
 */
export const withIdempotency = async (
  db: Db,
  scope: Readonly<{ partyId: string; key: string; requestHash: string }>,
  work: (tx: Tx) => Promise<StoredResponse>,
): Promise<IdempotentResult> =>
  db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtextextended(${`${scope.partyId.length}:${scope.partyId}:${scope.key}`}, 0)) as locked`,
    );
    if (lock.rows[0]?.locked !== true)
      throw conflict('idempotency-key-in-flight', 'a request with this Idempotency-Key is still in flight');
    const found = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.partyId, scope.partyId), eq(idempotencyKeys.key, scope.key)));
    const previous = found[0];
    if (previous !== undefined) {
      if (previous.requestHash !== scope.requestHash)
        throw new Rejected({
          kind: 'rule',
          code: 'idempotency-key-reused',
          detail: 'this Idempotency-Key was used with a different request body',
        });
      return { status: previous.responseStatus, body: previous.responseBody, replayed: true };
    }
    const response = await work(tx);
    await tx.insert(idempotencyKeys).values({
      partyId: scope.partyId,
      key: scope.key,
      requestHash: scope.requestHash,
      responseStatus: response.status,
      responseBody: response.body,
    });
    return { ...response, replayed: false };
  });
