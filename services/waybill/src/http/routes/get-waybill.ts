import { type App, notFound, partyOf, problemResponses } from '@railbill/platform';
import { canSee } from '../../domain/access.ts';
import { loadBillFacts } from '../../store/facts.ts';
import { loadBill } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillIdParams, WaybillView } from '../schemas.ts';
import { toView } from '../views.ts';

/** `GET /waybills/{id}` (docs/contract.md §3): a party sees only a bill it is on; anyone else gets 404. */
export const getWaybill = (app: App, deps: RouteDeps): void => {
  app.get(
    '/waybills/:id',
    {
      schema: {
        summary: 'Read a bill: state, holder, legs, clearance and credit status',
        tags: ['waybills'],
        params: WaybillIdParams,
        response: { 200: WaybillView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const loaded = await loadBill(deps.db, request.params.id);
      const { state, createdAt, updatedAt } = loaded;
      if (state.status === 'initial' || createdAt === null || updatedAt === null || !canSee(party, state))
        throw notFound();
      return toView(loaded.id, state, { createdAt, updatedAt }, await loadBillFacts(deps.db, loaded.id, state));
    },
  );
};
