import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition } from '@railbill/platform';
import type { WaybillConfig } from './config.ts';
import { onCustomsEvent } from './consumers/customs-events.ts';
import { onLcEvent } from './consumers/lc-events.ts';
import { createSealer } from './history/seal.ts';
import { registerRoutes } from './http/routes.ts';

/** The waybill service's wiring (docs/architecture.md §2), for `main.ts` and for in-process tests. */
export const waybillService = (config: WaybillConfig): ServiceDefinition<WaybillConfig> => {
  // one sealer (and key cache) for the routes and the lc.paid consumer
  let sealer: ReturnType<typeof createSealer> | undefined;
  const handleDeps = (deps: Parameters<typeof createSealer>[0]) => {
    sealer = sealer ?? createSealer(deps);
    return { seal: sealer };
  };
  return {
    name: 'waybill',
    description:
      'Rail waybills and railway bills of lading: issue, title (transfer, endorsement, pledge, rejection), the holder’s instructions, legs and milestones, surrender, delivery.',
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    produces: WAYBILL_TOPIC,
    consumers: (deps) => ({
      [CUSTOMS_TOPIC]: onCustomsEvent,
      [LC_TOPIC]: onLcEvent({ handle: handleDeps(deps), parties: deps.parties }),
    }),
    routes: async (app, deps) => {
      const handle = handleDeps(deps);
      // the carriers' keys are read (or generated) at start-up, not by the first issues: those would each hold a
      // pooled connection in their transaction while waiting for the one the key's load needs
      await handle.seal.keys.jwks();
      registerRoutes(app, { ...deps, handle });
    },
  };
};
