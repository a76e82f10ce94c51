import { Id, Instant, PartyId } from '@railbill/contracts';
import { type App, notFound, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import { listMessages, loadMessage } from '../../store/messages.ts';
import { loadCredit } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams } from '../schemas.ts';

/** docs/swift-messages.md: one message of the list; `sender`/`receiver` are the banks' BICs as in the parties file. */
export const MessageView = z.object({
  n: z.int(),
  mt: z.string(),
  sender: z.string(),
  receiver: z.string(),
  senderParty: PartyId,
  receiverParty: PartyId,
  eventId: Id,
  eventType: z.string(),
  createdAt: Instant,
});

/** `n` of any form: one that names no message is 404, like any id in a path (docs/contract.md §7). */
const MessageParams = z.object({ id: Id, n: z.string().max(100) });

/** docs/contract.md §8 lists: `limit` (default 20, at most 100) and an opaque `cursor` (after message `n`). */
const cursorOf = (n: number) => Buffer.from(`message:${n}`, 'utf8').toString('base64url');
const afterOf = (cursor: string | undefined) =>
  cursor === undefined ? 0 : Number(/^message:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))?.[1]);
const MessagesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .max(40)
    .refine((c) => Number.isInteger(afterOf(c)), 'must be a cursor returned by this list')
    .optional(),
});

/**
 * `GET /credits/{id}/messages` (oldest first) and `GET /credits/{id}/messages/{n}` (`text/plain` FIN): the SWIFT
 * messages of the credit's life, for any party that may see the credit.
 */
export const getMessages = (app: App, deps: RouteDeps): void => {
  const bicOf = (id: string) => deps.parties.byId(id)?.bic ?? id;
  const visible = async (request: { params: { id: string } } & Parameters<typeof partyOf>[0]) => {
    const { state } = await loadCredit(deps.db, request.params.id);
    if (state.status === 'initial' || !canSee(partyOf(request), state)) throw notFound();
  };
  app.get(
    '/credits/:id/messages',
    {
      schema: {
        summary: 'The SWIFT messages of the credit’s life, oldest first',
        tags: ['credits'],
        params: CreditIdParams,
        querystring: MessagesQuery,
        response: {
          200: z.object({ items: z.array(MessageView), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      await visible(request);
      const { limit, cursor } = request.query;
      const fetched = await listMessages(deps.db, request.params.id, afterOf(cursor), limit + 1);
      const rows = fetched.slice(0, limit);
      const last = rows.at(-1);
      return {
        nextCursor: fetched.length > limit && last !== undefined ? cursorOf(last.n) : null,
        items: rows.map((m) => ({
          n: m.n,
          mt: m.mt,
          sender: bicOf(m.sender),
          receiver: bicOf(m.receiver),
          senderParty: m.sender,
          receiverParty: m.receiver,
          eventId: m.eventId,
          eventType: m.eventType,
          createdAt: new Date(m.createdAt).toISOString(),
        })),
      };
    },
  );
  app.get(
    '/credits/:id/messages/:n',
    {
      schema: {
        summary: 'One SWIFT message as FIN text (blocks 1, 2 and 4)',
        tags: ['credits'],
        params: MessageParams,
        produces: ['text/plain'],
        response: { 200: z.string(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await visible(request);
      const n = /^[1-9]\d{0,6}$/.test(request.params.n) ? Number(request.params.n) : undefined;
      const message = n === undefined ? undefined : await loadMessage(deps.db, request.params.id, n);
      if (message === undefined) throw notFound();
      return reply.type('text/plain; charset=utf-8').send(message.text);
    },
  );
};
