import { DeclarationView, Id } from '@railbill/contracts';
import {
  type App,
  decodeCursor,
  type Party,
  pageOf,
  pageQueryShape,
  partyOf,
  problemResponses,
} from '@railbill/platform';
import { z } from 'zod';
import { listDeclarations as queryDeclarations, type Viewer } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { toView } from '../views.ts';

const ListQuery = z.strictObject({
  waybillId: Id.optional(),
  ...pageQueryShape,
});

/** docs/contract.md §5: operators read all, customs the declarations at (or bound for) its offices, others those they are on. */
const viewerOf = (party: Party): Viewer => {
  if (party.role === 'operator') return { kind: 'all' };
  if (party.role === 'customs') return { kind: 'offices', offices: party.offices ?? [] };
  return { kind: 'party', id: party.id };
};

/** `GET /declarations?waybillId=…` (docs/contract.md §5): the declarations the caller may see, with an opaque cursor. */
export const listDeclarations = (app: App, deps: RouteDeps): void => {
  app.get(
    '/declarations',
    {
      schema: {
        summary: 'List the declarations the caller may see, optionally of one bill (cursor pagination)',
        tags: ['declarations'],
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(DeclarationView), nextCursor: z.string().nullable() }),
          ...problemResponses(400, 401),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, more } = await queryDeclarations(deps.db, {
        viewer: viewerOf(partyOf(request)),
        waybillId: q.waybillId,
        after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
        limit: q.limit,
      });
      const last = items.at(-1);
      return pageOf(
        items.map((i) => toView(i.id, i.state)),
        last,
        more,
      );
    },
  );
};
