import { CreditIssueRequest } from '@railbill/contracts';
import { type App, createOnce, IdempotencyHeaders, partyOf, problemResponses } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { handleIn } from '../../handle.ts';
import { rolesOf } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditView } from '../schemas.ts';
import { viewOfHandled } from '../views.ts';

/** `POST /credits` (docs/contract.md §4): the issuing bank issues; `Idempotency-Key` makes retries safe; a taken number is 409. */
export const issueCredit = (app: App, deps: RouteDeps): void => {
  app.post(
    '/credits',
    {
      schema: {
        summary: 'Issue a documentary credit (issuing bank)',
        tags: ['credits'],
        body: CreditIssueRequest,
        headers: IdempotencyHeaders,
        response: { 201: CreditView, ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const terms = request.body;
      const roles = rolesOf(deps, [
        terms.issuingBank,
        terms.advisingBank,
        terms.nominatedBank,
        terms.applicant,
        terms.beneficiary,
      ]);
      return createOnce(
        deps.db,
        reply,
        {
          partyId: party.id,
          key: request.headers['idempotency-key'],
          request: terms,
          collection: '/credits',
        },
        async (tx) => {
          const handled = await handleIn(tx, deps.handle, {
            creditId: uuidv7(),
            actor: { id: party.id, role: party.role },
            traceparent: request.headers.traceparent,
            command: ({ at, today }) => ({
              type: 'issue',
              by: { id: party.id, role: party.role },
              at,
              today,
              terms,
              roles,
            }),
          });
          return viewOfHandled(handled);
        },
      );
    },
  );
};
