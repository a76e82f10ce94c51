import type { FastifyReply } from 'fastify';
import type { Db, Tx } from '../store/db.ts';
import { requestHash, withIdempotency } from '../store/idempotency.ts';

export type CreateOnce = Readonly<{
  partyId: string;
  /** The `Idempotency-Key` header, if the client sent one. */
  key: string | undefined;
  /** The request body: a key reused with another body is 422. */
  request: unknown;
  /** The collection's path: `Location` is `<collection>/<id>`. */
  collection: string;
}>;

/**
 * A creating request (docs/contract.md §8 "Answers"): `create` runs in one transaction, at most once per party and
 * `Idempotency-Key`; the answer is 201 with the created item and its `Location`, and a replay repeats the stored
 * answer with `Idempotent-Replayed: true`.
 */
export const createOnce = async <B extends Readonly<{ id: string }>>(
  db: Db,
  reply: FastifyReply,
  o: CreateOnce,
  create: (tx: Tx) => Promise<B>,
): Promise<FastifyReply> => {
  const run = async (tx: Tx) => ({ status: 201, body: await create(tx) });
  const result =
    o.key === undefined
      ? { ...(await db.transaction(run)), replayed: false }
      : await withIdempotency(db, { partyId: o.partyId, key: o.key, requestHash: requestHash(o.request) }, run);
  const body = result.body as B;
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.status).header('location', `${o.collection}/${body.id}`).send(body);
};
