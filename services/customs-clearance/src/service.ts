import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition } from '@railbill/platform';
import type { CustomsConfig } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import type { HandleDeps } from './handle.ts';
import { registerRoutes } from './http/routes.ts';

/** The customs-clearance service's wiring (STYLE §2), for `main.ts` and for in-process tests. */
export const customsService = (config: CustomsConfig): ServiceDefinition<CustomsConfig> => {
  const handle: HandleDeps = { env: config.rules };
  return {
    name: 'customs-clearance',
    description: 'Export, transit and import declarations: lodging, risk channel, control, release.',
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    produces: CUSTOMS_TOPIC,
    consumers: (deps) => ({ [WAYBILL_TOPIC]: onWaybillEvent({ handle, parties: deps.parties }) }),
    routes: (app, deps) => registerRoutes(app, { ...deps, handle }),
  };
};
