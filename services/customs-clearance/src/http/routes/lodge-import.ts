import { DeclarationView, ImportLodgement } from '@railbill/contracts';
import { type App, createOnce, IdempotencyHeaders, partyOf, problemResponses } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { aeoFlagsOf, handleIn, shipperCountryOf } from '../../handle.ts';
import { lockBillFacts } from '../../store/bills.ts';
import { loadSiblings } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { actorOf, toView } from '../views.ts';

/** `POST /declarations` (docs/contract.md §5): the bill's consignee lodges the import; `Idempotency-Key` makes retries safe. */
export const lodgeImport = (app: App, deps: RouteDeps): void => {
  app.post(
    '/declarations',
    {
      schema: {
        summary: "Lodge an import declaration (the bill's consignee); goods default to the bill's lines",
        tags: ['declarations'],
        body: ImportLodgement,
        headers: IdempotencyHeaders,
        response: { 201: DeclarationView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const body = request.body;
      return createOnce(
        deps.db,
        reply,
        {
          partyId: party.id,
          key: request.headers['idempotency-key'],
          request: body,
          collection: '/declarations',
        },
        async (tx) => {
          const bill = await lockBillFacts(tx, body.waybillId);
          const siblings = await loadSiblings(tx, body.waybillId);
          const handled = await handleIn(tx, deps.handle, {
            declarationId: uuidv7(),
            actor: actorOf(party),
            traceparent: request.headers.traceparent,
            command: (at, loaded) => ({
              type: 'lodgeImport',
              declarationId: loaded.id,
              at,
              by: actorOf(party),
              bill,
              office: body.office,
              goods: body.goods,
              costsToEntry: body.costsToEntry,
              freightAfterEntry: body.freightAfterEntry,
              shipperCountry: bill === undefined ? undefined : shipperCountryOf(bill, deps.parties),
              aeo: bill === undefined ? {} : aeoFlagsOf(bill, deps.parties),
              siblings,
            }),
          });
          return toView(handled.id, handled.declaration);
        },
      );
    },
  );
};
