import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition } from '@railbill/platform';
import { type BillHandler, billHandler } from './bill-handler.ts';
import type { WaybillConfig } from './config.ts';
import { onCustomsEvent } from './consumers/customs-events.ts';
import { onLcEvent } from './consumers/lc-events.ts';
import { createSealer, type Sealer } from './history/seal.ts';
import { billActions } from './http/actions.ts';
import { registerRoutes } from './http/routes.ts';

/** The bill's handler and the carriers' keys, shared by the routes and the lc.events consumer. */
export type WaybillCore = Readonly<{ bills: BillHandler; seal: Sealer }>;

/** The waybill service's wiring (docs/architecture.md §2), for `main.ts` and for in-process tests. */
export const waybillService = (config: WaybillConfig): ServiceDefinition<WaybillConfig, WaybillCore> => {
  return {
    name: 'waybill',
    description:
      'Rail waybills and railway bills of lading: issue, title (transfer, endorsement, pledge, rejection), the holder’s instructions, legs and milestones, surrender, delivery.',
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    produces: WAYBILL_TOPIC,
    // one handler (and carrier key cache) for the routes and the lc.events consumer
    core: (deps) => {
      const seal = createSealer(deps);
      return { bills: billHandler({ db: deps.db, seal }), seal };
    },
    consumers: (deps, { bills }) => ({
      [CUSTOMS_TOPIC]: onCustomsEvent,
      [LC_TOPIC]: onLcEvent({ bills, parties: deps.parties }),
    }),
    routes: async (app, deps, { bills, seal }) => {
      // the carriers' keys are read (or generated) at start-up, not by the first issues: those would each hold a
      // pooled connection in their transaction while waiting for the one the key's load needs
      await seal.keys.jwks();
      registerRoutes(app, { ...deps, ...billActions(app, bills), seal });
    },
  };
};
