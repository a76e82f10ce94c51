import { DeclarationView } from '@railbill/contracts';
import { type App, notFound, partyOf, problemResponses } from '@railbill/platform';
import { canSee } from '../../domain/access.ts';
import { loadDeclaration } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { DeclarationIdParams } from '../schemas.ts';
import { actorOf, toView } from '../views.ts';

/** `GET /declarations/{id}` (docs/contract.md §5): parties on it, customs at its office, operators; anyone else gets 404. */
export const getDeclaration = (app: App, deps: RouteDeps): void => {
  app.get(
    '/declarations/:id',
    {
      schema: {
        summary: 'Read a declaration: status, channel, risk reasons, goods and duties',
        tags: ['declarations'],
        params: DeclarationIdParams,
        response: { 200: DeclarationView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { state } = await loadDeclaration(deps.db, request.params.id);
      if (state.status === 'initial' || !canSee(actorOf(partyOf(request)), state)) throw notFound();
      return toView(request.params.id, state);
    },
  );
};
