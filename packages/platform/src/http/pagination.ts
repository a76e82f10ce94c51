import { z } from 'zod';

/** The opaque list cursor: the last item's id (UUIDv7 ids sort in creation order, docs/architecture.md §3 Ids). */
export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/** docs/contract.md §8 list parameters: `limit` (default 20, above 100 is 400) and an opaque `cursor`. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(100)
    .refine((c) => z.uuid().safeParse(decodeCursor(c)).success, 'must be a cursor returned by this list')
    .optional(),
};

/** `{ items, nextCursor }` for a page fetched with one extra row to learn whether more follow. */
export const pageOf = <T>(items: readonly T[], last: { id: string } | undefined, more: boolean) => ({
  items: [...items],
  nextCursor: more && last !== undefined ? encodeCursor(last.id) : null,
});
