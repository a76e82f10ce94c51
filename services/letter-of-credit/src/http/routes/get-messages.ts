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

const MessageParams = z.object({ id: Id, n: z.coerce.number().int().min(1).max(1_000_000) });

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
        response: { 200: z.object({ items: z.array(MessageView) }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await visible(request);
      const rows = await listMessages(deps.db, request.params.id);
      return {
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
      const message = await loadMessage(deps.db, request.params.id, request.params.n);
      if (message === undefined) throw notFound();
      return reply.type('text/plain; charset=utf-8').send(message.text);
    },
  );
};
