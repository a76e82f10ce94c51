import { type App, notFound, partyOf, problemResponses, Rejected } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import { MessageDoesNotFit } from '../../domain/mt700/format.ts';
import { renderMt700Series } from '../../domain/mt700/render.ts';
import { directoryOf } from '../../party-directory.ts';
import { loadCredit } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams } from '../schemas.ts';

/**
 * `GET /credits/{id}/mt700`: the credit in force (accepted amendments applied) as an MT700 and its MT701
 * continuations, RJE layout (`$` between messages; docs/swift-messages.md).
 */
export const getMt700 = (app: App, deps: RouteDeps): void => {
  app.get(
    '/credits/:id/mt700',
    {
      schema: {
        summary: 'The credit rendered as SWIFT MT700 text',
        tags: ['credits'],
        params: CreditIdParams,
        produces: ['text/plain'],
        response: { 200: z.string(), ...problemResponses(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const { state } = await loadCredit(deps.db, request.params.id);
      if (state.status === 'initial' || !canSee(party, state)) throw notFound();
      try {
        const series = renderMt700Series({
          terms: state.terms,
          issuedOn: state.issuedOn,
          parties: directoryOf(deps.parties),
        });
        return reply.type('text/plain; charset=utf-8').send(series.join('\n$\n'));
      } catch (error) {
        if (error instanceof MessageDoesNotFit)
          throw new Rejected({ kind: 'rule', code: 'message-does-not-fit', detail: error.message });
        throw error;
      }
    },
  );
};
