import { LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { startService } from '@railbill/platform';
import { config } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import { registerRoutes } from './http/routes.ts';

await startService({
  name: 'letter-of-credit',
  description: 'Documentary credits under UCP 600: issue, advice, amendment, presentation, examination, payment.',
  config,
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  produces: LC_TOPIC,
  consumers: () => ({ [WAYBILL_TOPIC]: onWaybillEvent }),
  routes: registerRoutes,
});
