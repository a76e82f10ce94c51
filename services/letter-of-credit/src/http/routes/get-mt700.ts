import { type App, notFound, type Parties, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import type { PartyDirectory } from '../../domain/mt700/format.ts';
import { renderMt700 } from '../../domain/mt700/render.ts';
import { loadCredit } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams } from '../schemas.ts';

/** mt700.md: a party shows as its name (from the parties file) and, for a bank, its BIC. */
const directoryOf = (parties: Parties): PartyDirectory =>
  Object.fromEntries(
    parties.all.map((p) => [p.id, p.bic === undefined ? { lines: [p.name] } : { lines: [p.name], bic: p.bic }]),
  );

/** `GET /credits/{id}/mt700` (SPEC §4): the credit in force as the text of a SWIFT MT700. */
export const getMt700 = (app: App, deps: RouteDeps): void => {
  app.get(
    '/credits/:id/mt700',
    {
      schema: {
        summary: 'The credit rendered as SWIFT MT700 text',
        tags: ['credits'],
        params: CreditIdParams,
        produces: ['text/plain'],
        response: { 200: z.string(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const { state } = await loadCredit(deps.db, request.params.id);
      if (state.status === 'initial' || !canSee(party, state)) throw notFound();
      const text = renderMt700({ terms: state.terms, issuedOn: state.issuedOn, parties: directoryOf(deps.parties) });
      return reply.type('text/plain; charset=utf-8').send(text);
    },
  );
};
