import { CreditNumber, PartyId } from '@railbill/contracts';
import { type App, decodeCursor, pageOf, pageQueryShape, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { listCredits as queryCredits } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditStatus, CreditView } from '../schemas.ts';
import { toCreditView } from '../views.ts';

const ListQuery = z.strictObject({
  status: CreditStatus.optional(),
  party: PartyId.optional(),
  number: CreditNumber.optional(),
  ...pageQueryShape,
});

/** `GET /credits` (docs/contract.md §8): the credits the caller is named on (operators: all), filtered, with an opaque cursor. */
export const listCredits = (app: App, deps: RouteDeps): void => {
  app.get(
    '/credits',
    {
      schema: {
        summary: 'List credits by status, party or number (cursor pagination)',
        tags: ['credits'],
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(CreditView), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const q = request.query;
      const { items, more } = await queryCredits(deps.db, {
        visibleTo: party.role === 'operator' ? undefined : party.id,
        status: q.status,
        party: q.party,
        number: q.number,
        after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
        limit: q.limit,
      });
      const views = items.flatMap((i) =>
        i.state.status === 'initial'
          ? []
          : [toCreditView(i.id, i.state, { createdAt: i.createdAt, updatedAt: i.updatedAt })],
      );
      const last = items.at(-1);
      return pageOf(views, last, more);
    },
  );
};
