import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { startService } from '@railbill/platform';
import { config } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import { registerRoutes } from './http/routes.ts';

await startService({
  name: 'customs-clearance',
  description: 'Export, transit and import declarations: lodging, risk channel, control, release.',
  config,
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  produces: CUSTOMS_TOPIC,
  consumers: () => ({ [WAYBILL_TOPIC]: onWaybillEvent }),
  routes: registerRoutes,
});
