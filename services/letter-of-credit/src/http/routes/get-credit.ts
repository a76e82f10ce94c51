import { type App, notFound, partyOf, problemResponses } from '@railbill/platform';
import { canSee } from '../../domain/access.ts';
import { loadCredit } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams, CreditView } from '../schemas.ts';
import { toCreditView } from '../views.ts';

/** `GET /credits/{id}` (docs/contract.md §4): the parties named on the credit and operators; anyone else gets 404. */
export const getCredit = (app: App, deps: RouteDeps): void => {
  app.get(
    '/credits/:id',
    {
      schema: {
        summary: 'Read a credit: terms in force, amendments, presentations',
        tags: ['credits'],
        params: CreditIdParams,
        response: { 200: CreditView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const { state, createdAt, updatedAt } = await loadCredit(deps.db, request.params.id);
      if (state.status === 'initial' || createdAt === null || updatedAt === null || !canSee(party, state))
        throw notFound();
      return toCreditView(request.params.id, state, { createdAt, updatedAt });
    },
  );
};
