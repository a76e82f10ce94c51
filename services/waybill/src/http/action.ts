import { type App, type Party, partyOf, problemResponses, type Tx } from '@railbill/platform';
import type { z } from 'zod';
import type { Command } from '../domain/commands.ts';
import { handleIn } from '../handle.ts';
import { type Clearance, loadBillFacts, loadClearance } from '../store/facts.ts';
import type { LoadedBill } from '../store/repository.ts';
import type { RouteDeps } from './routes.ts';
import { WaybillIdParams, WaybillView } from './schemas.ts';
import { viewOfHandled } from './views.ts';

/** What a command builder gets: the clock reading, the bill as loaded, the caller, and facts from projections. */
export type ActionContext = Readonly<{
  at: string;
  loaded: LoadedBill;
  party: Party;
  by: Readonly<{ id: string; role: Party['role'] }>;
  tx: Tx;
  clearance: () => Promise<Clearance>;
}>;

export type ActionSpec<B extends z.ZodType, P extends typeof WaybillIdParams = typeof WaybillIdParams> = Readonly<{
  path: string;
  summary: string;
  body: B;
  /** Path parameters beyond `id` (e.g. an amendment request's `n`). */
  params?: P;
  command: (body: z.infer<B>, ctx: ActionContext, params: z.infer<P>) => Command | Promise<Command>;
}>;

/** A state-changing call on one bill (docs/contract.md §8 "Answers"): 200 with the bill, refusals as problem+json. */
export const registerAction = <B extends z.ZodType, P extends typeof WaybillIdParams = typeof WaybillIdParams>(
  app: App,
  deps: RouteDeps,
  spec: ActionSpec<B, P>,
): void => {
  app.post(
    `/waybills/:id/${spec.path}`,
    {
      schema: {
        summary: spec.summary,
        tags: ['waybills'],
        params: spec.params ?? WaybillIdParams,
        body: spec.body,
        response: { 200: WaybillView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const params = request.params as z.infer<P>;
      const traceparent = request.headers.traceparent;
      return deps.db.transaction(async (tx) => {
        const handled = await handleIn(tx, deps.handle, {
          waybillId: params.id,
          party,
          traceparent: typeof traceparent === 'string' ? traceparent : undefined,
          command: (at, loaded) =>
            spec.command(
              request.body as z.infer<B>,
              {
                at,
                loaded,
                party,
                by: { id: party.id, role: party.role },
                tx,
                clearance: () => loadClearance(tx, loaded.id),
              },
              params,
            ),
        });
        return viewOfHandled(handled, await loadBillFacts(tx, handled.id, handled.bill));
      });
    },
  );
};
