import { Locode, PartyId } from '@railbill/contracts';
import { type App, decodeCursor, pageOf, pageQueryShape, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { listBills } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillView } from '../schemas.ts';
import { toView } from '../views.ts';

const ListQuery = z.strictObject({
  status: z.enum(['submitted', 'issued', 'surrendered', 'accomplished', 'void']).optional(),
  holder: PartyId.optional(),
  party: PartyId.optional(),
  place: Locode.optional(),
  container: z
    .string()
    .regex(/^[A-Z]{4}\d{7}$/, 'must be a container number such as RBLU1000015')
    .optional(),
  ...pageQueryShape,
});

/** `GET /waybills` (docs/contract.md §3): the bills the caller is on (operators: all), filtered, with an opaque cursor. */
export const listWaybills = (app: App, deps: RouteDeps): void => {
  app.get(
    '/waybills',
    {
      schema: {
        summary: 'List bills by status, holder, party, place or container number (cursor pagination)',
        tags: ['waybills'],
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(WaybillView), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const q = request.query;
      const { items, more } = await listBills(deps.db, {
        visibleTo: party.role === 'operator' ? undefined : party.id,
        status: q.status,
        holder: q.holder,
        party: q.party,
        place: q.place,
        container: q.container,
        after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
        limit: q.limit,
      });
      const views = items.flatMap((i) =>
        i.state.status === 'initial'
          ? []
          : [
              toView(
                i.id,
                i.state,
                { createdAt: i.createdAt, updatedAt: i.updatedAt },
                { customs: i.customs, creditStatus: i.creditStatus },
              ),
            ],
      );
      const last = items.at(-1);
      return pageOf(views, last, more);
    },
  );
};
