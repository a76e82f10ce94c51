import { startService } from '@railbill/platform';
import { config } from './config.ts';
import { registerRoutes } from './http/routes.ts';

await startService({
  name: 'console',
  description: "The operators' view: live event stream and per-shipment timeline, read-only.",
  config,
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  routes: registerRoutes,
});
