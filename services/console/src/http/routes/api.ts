import { topics } from '@railbill/contracts';
import { type App, notFound, partyOf, Rejected } from '@railbill/platform';
import { attentionPanel } from '../../attention/panel.ts';
import { knownPlaces, type Place } from '../../places/places.ts';
import { summaryOf } from '../../shipments/refresh.ts';
import { decodeShipmentCursor, searchShipments } from '../../shipments/search.ts';
import { pulse } from '../../store/pulse.ts';
import { decodeCursor, listDeadLetters, listEvents, type PageQuery } from '../../store/queries.ts';
import { issueTicket } from '../../stream/tickets.ts';
import type { ShipmentSummary } from '../../timeline/summarize.ts';
import { consumerLag } from '../consumer-lag.ts';
import { requireOperator } from '../operator.ts';
import type { RouteDeps } from '../routes.ts';
import {
  DeadLettersQuery,
  EventsQuery,
  filterOf,
  PulseQuery,
  ShipmentsQuery,
  shipmentFilterOf,
  TimelineParams,
} from '../schemas.ts';

const badCursor = () => new Rejected({ kind: 'rule', code: 'invalid-cursor', detail: 'the cursor is not one we gave' });

const cursorOf = (cursor: string | undefined): number | undefined => {
  if (cursor === undefined) return undefined;
  const n = decodeCursor(cursor);
  if (n === undefined) throw badCursor();
  return n;
};

/** The page a list request asks for; an unknown cursor is rejected (400). */
const pageQueryOf = (query: { limit: number; cursor?: string | undefined }): PageQuery => ({
  limit: query.limit,
  before: cursorOf(query.cursor),
});

/** The coordinates of every place a shipment's route, milestones and declarations name (those the file knows). */
const placesOf = (s: ShipmentSummary): Record<string, Place> => {
  const known = knownPlaces();
  const codes = [
    s.content?.placeOfReceipt,
    s.content?.placeOfDelivery,
    ...s.legs.flatMap((l) => [l.from, l.to, ...(l.borderCrossings ?? []).map((b) => b.station)]),
    ...s.legs.flatMap((l) => l.milestones.map((m) => m.location)),
    ...s.declarations.flatMap((d) => [d.office, d.destinationOffice]),
  ];
  return Object.fromEntries(
    codes.flatMap((c) => {
      const p = c === undefined ? undefined : known.get(c);
      return p === undefined ? [] : [[p.code, p]];
    }),
  );
};

/** The operators' JSON API: token required (401), operator role only (403). */
export const registerApi = (app: App, deps: RouteDeps): void => {
  app.addHook('preHandler', async (request) => requireOperator(partyOf(request)));

  app.get(
    '/api/events',
    { schema: { summary: 'Events received from the three topics, newest first', querystring: EventsQuery } },
    async (request) => listEvents(deps.db, filterOf(request.query), pageQueryOf(request.query)),
  );

  app.get(
    '/api/shipments',
    {
      schema: {
        summary: 'Shipments by bill number, container, credit number, party, status or place; most recent first',
        querystring: ShipmentsQuery,
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const after = cursor === undefined ? undefined : decodeShipmentCursor(cursor);
      if (cursor !== undefined && after === undefined) throw badCursor();
      return searchShipments(deps.db, shipmentFilterOf(request.query), limit, after);
    },
  );

  app.get(
    '/api/shipments/:correlationId/timeline',
    {
      schema: {
        summary: "A shipment's events in time order, their summary and the coordinates of its places",
        params: TimelineParams,
      },
    },
    async (request) => {
      const { correlationId } = request.params;
      const { events, summary } = await summaryOf(deps.db, correlationId);
      if (events.length === 0) throw notFound('no events for this shipment');
      return { correlationId, summary, places: placesOf(summary), events };
    },
  );

  app.get(
    '/api/places',
    { schema: { summary: 'The UN/LOCODE places the console can draw, with coordinates' } },
    async () => ({
      items: [...knownPlaces().values()],
    }),
  );

  app.get(
    '/api/attention',
    { schema: { summary: 'What needs an operator: deadlines, held declarations, stopped bills, dead letters, lag' } },
    async () =>
      attentionPanel(deps.db, {
        today: new Date().toISOString().slice(0, 10),
        lag: () => consumerLag(deps.admin(), deps.topicName),
        lagThreshold: deps.lagThreshold,
      }),
  );

  app.get(
    '/api/pulse',
    { schema: { summary: 'Events received per minute per topic', querystring: PulseQuery } },
    async (request) => pulse(deps.db, [topics.waybill, topics.lc, topics.customs], request.query.minutes),
  );

  app.post(
    '/api/stream-tickets',
    { schema: { summary: 'A single-use ticket that opens the live stream (EventSource sends no headers)' } },
    async (request, reply) => reply.code(201).send(await issueTicket(deps.db, partyOf(request).id, deps.ticketTtlMs)),
  );

  app.get(
    '/api/dead-letters',
    { schema: { summary: 'Records of the dead-letter topics with their reasons', querystring: DeadLettersQuery } },
    async (request) => listDeadLetters(deps.db, request.query.topic, pageQueryOf(request.query)),
  );

  app.get(
    '/api/consumer-lag',
    { schema: { summary: 'Committed offsets vs. topic ends, per consumer group' } },
    async () => consumerLag(deps.admin(), deps.topicName),
  );
};
