import { WaybillSubmission } from '@railbill/contracts';
import { type App, createOnce, IdempotencyHeaders, partyOf, problemResponses } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { handleIn } from '../../handle.ts';
import { loadBillFacts } from '../../store/facts.ts';
import { rolesOfContent } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillView } from '../schemas.ts';
import { viewOfHandled } from '../views.ts';

/** `POST /waybills` (docs/contract.md §3): the shipper submits; `Idempotency-Key` makes retries safe. */
export const submitWaybill = (app: App, deps: RouteDeps): void => {
  app.post(
    '/waybills',
    {
      schema: {
        summary: 'Submit a waybill or railway bill of lading',
        tags: ['waybills'],
        body: WaybillSubmission,
        headers: IdempotencyHeaders,
        response: { 201: WaybillView, ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const content = request.body;
      const roles = rolesOfContent(content, deps.parties);
      return createOnce(
        deps.db,
        reply,
        {
          partyId: party.id,
          key: request.headers['idempotency-key'],
          request: content,
          collection: '/waybills',
        },
        async (tx) => {
          const handled = await handleIn(tx, deps.handle, {
            waybillId: uuidv7(),
            party,
            traceparent: request.headers.traceparent,
            command: (at, loaded) => ({
              type: 'submit',
              waybillId: loaded.id,
              content,
              roles,
              by: { id: party.id, role: party.role },
              at,
            }),
          });
          return viewOfHandled(handled, await loadBillFacts(tx, handled.id, handled.bill));
        },
      );
    },
  );
};
