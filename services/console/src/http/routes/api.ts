import { type App, notFound, partyOf, Rejected } from '@railbill/platform';
import { decodeCursor, listDeadLetters, listEvents, shipmentEvents } from '../../store/queries.ts';
import { summarize } from '../../timeline/summarize.ts';
import { consumerLag } from '../consumer-lag.ts';
import { requireOperator } from '../operator.ts';
import type { RouteDeps } from '../routes.ts';
import { DeadLettersQuery, EventsQuery, filterOf, TimelineParams } from '../schemas.ts';

const badCursor = () => new Rejected({ kind: 'rule', code: 'invalid-cursor', detail: 'the cursor is not one we gave' });

const cursorOf = (cursor: string | undefined): number | undefined => {
  if (cursor === undefined) return undefined;
  const n = decodeCursor(cursor);
  if (n === undefined) throw badCursor();
  return n;
};

/** The operators' JSON API: token required (401), operator role only (403). */
export const registerApi = (app: App, deps: RouteDeps): void => {
  app.addHook('preHandler', async (request) => requireOperator(partyOf(request)));

  app.get(
    '/api/events',
    { schema: { summary: 'Events received from the three topics, newest first', querystring: EventsQuery } },
    async (request) =>
      listEvents(deps.db, filterOf(request.query), request.query.limit, cursorOf(request.query.cursor)),
  );

  app.get(
    '/api/shipments/:correlationId/timeline',
    { schema: { summary: "A shipment's events in time order and their summary", params: TimelineParams } },
    async (request) => {
      const { correlationId } = request.params;
      const events = await shipmentEvents(deps.db, correlationId);
      if (events.length === 0) throw notFound('no events for this shipment');
      const summary = summarize(
        events.map((e) => ({
          id: e.id,
          type: e.type,
          time: e.time,
          subject: e.subject,
          data: (e.envelope as { data?: unknown }).data,
        })),
      );
      return { correlationId, summary, events };
    },
  );

  app.get(
    '/api/dead-letters',
    { schema: { summary: 'Records of the dead-letter topics with their reasons', querystring: DeadLettersQuery } },
    async (request) =>
      listDeadLetters(deps.db, request.query.topic, request.query.limit, cursorOf(request.query.cursor)),
  );

  app.get(
    '/api/consumer-lag',
    { schema: { summary: 'Committed offsets vs. topic ends, per consumer group' } },
    async () => consumerLag(deps.admin(), deps.topicName),
  );
};
