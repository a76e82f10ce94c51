import type { ServerResponse } from 'node:http';
import { type App, authenticate, problem, sendProblem } from '@railbill/platform';
import { type EventItem, eventsAfter, matches } from '../../store/queries.ts';
import { redeemTicket } from '../../stream/tickets.ts';
import type { RouteDeps } from '../routes.ts';
import { filterOf, StreamQuery } from '../schemas.ts';

const PATH = '/api/events/stream';

const frame = (e: EventItem): string => `id: ${e.seq}\nevent: event\ndata: ${JSON.stringify(e)}\n\n`;

/**
 * `GET /api/events/stream`: Server-Sent Events of the events committed after the client connected, with the list's
 * filter. EventSource cannot send headers, and a token never goes into a URL: the page first POSTs
 * `/api/stream-tickets` with its bearer token and opens the stream with the single-use `?ticket=` it gets
 * (`stream/tickets.ts`); a client that can send headers may use `Authorization: Bearer` instead. A reconnecting
 * client sends `Last-Event-ID`, or `?after=` with a new ticket: what was received since is sent first.
 */
export const registerStream = (app: App, deps: RouteDeps): void => {
  const open = new Set<ServerResponse>();
  // app.close() waits for open connections: end the streams first
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get(
    PATH,
    {
      config: { public: true },
      schema: { summary: 'Live events (text/event-stream); operator only', querystring: StreamQuery },
    },
    async (request, reply) => {
      const ticket = request.query.ticket;
      const ticketParty = ticket === undefined ? undefined : await redeemTicket(deps.db, ticket);
      const party =
        authenticate(deps.parties, request) ?? (ticketParty === undefined ? undefined : deps.parties.byId(ticketParty));
      if (party === undefined)
        return sendProblem(reply, {
          ...problem(
            request,
            401,
            'unauthenticated',
            ticket === undefined
              ? 'an operator token (Authorization header) or a stream ticket is required'
              : 'the stream ticket is unknown, used or expired',
          ),
          instance: PATH,
        });
      if (party.role !== 'operator')
        return sendProblem(reply, {
          ...problem(request, 403, 'operator-only', 'the console is for operators only'),
          instance: PATH,
        });

      const filter = filterOf(request.query);
      // a reconnecting EventSource sends Last-Event-ID; a page that reopens with a new ticket sends `?after=`
      const lastHeader = request.headers['last-event-id'] ?? request.query.after;
      const lastSeen = typeof lastHeader === 'string' && /^\d{1,15}$/.test(lastHeader) ? Number(lastHeader) : undefined;
      // subscribe first, then send the backlog, so nothing committed in between is lost; `replayed` drops the overlap.
      // Without a cursor, the rows committed before this moment whose announcement is still on its way are left out.
      const replayed =
        lastSeen === undefined
          ? await deps.feed.unannounced().catch((err: unknown) => {
              // the stream still opens; at worst it repeats an event committed a moment before the client connected
              request.log.warn({ err }, 'could not read the unannounced events');
              return new Set<number>();
            })
          : new Set<number>();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': String(request.id),
      });
      res.write('retry: 2000\n: connected\n\n');
      open.add(res);

      const write = (e: EventItem) => {
        if (!replayed.has(e.seq) && matches(filter, e)) res.write(frame(e));
      };
      let live = lastSeen === undefined;
      const held: EventItem[] = [];
      const unsubscribe = deps.feed.subscribe((e) => (live ? write(e) : held.push(e)));
      const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.heartbeatMs);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      res.on('close', close);
      if (lastSeen !== undefined) {
        try {
          for (const e of await eventsAfter(deps.db, lastSeen, filter)) {
            res.write(frame(e));
            replayed.add(e.seq);
          }
        } catch (err) {
          request.log.error({ err }, 'stream backlog failed');
        }
        for (const e of held.splice(0)) write(e);
        live = true;
      }
    },
  );
};
