import { WAYBILL_TOPIC } from '@railbill/contracts';
import { startService } from '@railbill/platform';
import { config } from './config.ts';
import { createSealer } from './history/seal.ts';
import { registerRoutes } from './http/routes.ts';

await startService({
  name: 'waybill',
  description:
    'Rail waybills and railway bills of lading: issue, title transfer by endorsement, legs and milestones, surrender, delivery.',
  config,
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  produces: WAYBILL_TOPIC,
  routes: (app, deps) => registerRoutes(app, { ...deps, handle: { seal: createSealer(deps) } }),
});
