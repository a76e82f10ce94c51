import { DeclarationView } from '@railbill/contracts';
import { type App, loadProjection, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import type { BillFacts } from '../../domain/bill-facts.ts';
import { handleIn } from '../../handle.ts';
import { BILLS_PROJECTION } from '../../store/bills.ts';
import { loadDeclaration } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { DeclarationIdParams } from '../schemas.ts';
import { actorOf, toView } from '../views.ts';

/**
 * `POST /declarations/{id}/discharge` (docs/contract.md §5): customs at the office of destination ends a released transit; the
 * destination is the bill's current place of delivery (after a change of destination, the new one: docs/title.md).
 */
export const dischargeDeclaration = (app: App, deps: RouteDeps): void => {
  app.post(
    '/declarations/:id/discharge',
    {
      schema: {
        summary: "Discharge a released transit (customs at its office of destination, the bill's place of delivery)",
        tags: ['declarations'],
        params: DeclarationIdParams,
        body: z.strictObject({}),
        response: { 200: DeclarationView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const by = actorOf(partyOf(request));
      const { id } = request.params;
      const traceparent = request.headers.traceparent;
      const handled = await deps.db.transaction(async (tx) => {
        const declaration = await loadDeclaration(tx, id);
        const waybillId = declaration.state.status === 'initial' ? undefined : declaration.state.waybillId;
        const bill =
          waybillId === undefined ? undefined : await loadProjection<BillFacts>(tx, BILLS_PROJECTION, waybillId);
        const billPlaceOfDelivery = bill?.state.content.placeOfDelivery;
        return handleIn(tx, deps.handle, {
          declarationId: id,
          actor: by,
          traceparent: typeof traceparent === 'string' ? traceparent : undefined,
          billPlaceOfDelivery,
          command: (at) => ({ type: 'discharge', declarationId: id, at, by, billPlaceOfDelivery }),
        });
      });
      return toView(handled.id, handled.declaration);
    },
  );
};
