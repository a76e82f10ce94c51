import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { DomainGauge, ServiceDefinition } from '@railbill/platform';
import type { CustomsConfig } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import { type DeclarationHandler, declarationHandler } from './declaration-handler.ts';
import { declarationActions } from './http/actions.ts';
import { registerRoutes } from './http/routes.ts';

/** Declarations by type, channel (`none` before the risk assessment) and status, for operators (docs/operations.md). */
const declarationsByChannel: DomainGauge = {
  name: 'railbill_declarations',
  help: 'Declarations by type, risk channel and status',
  labelNames: ['type', 'channel', 'status'],
  query: `select state->>'type' as type, coalesce(state->>'channel', 'none') as channel, status, count(*)::int as value
          from documents where kind = 'declaration' group by 1, 2, 3`,
};

/** The customs-clearance service's wiring (docs/architecture.md §2), for `main.ts` and for in-process tests. */
export const customsService = (config: CustomsConfig): ServiceDefinition<CustomsConfig, DeclarationHandler> => ({
  name: 'customs-clearance',
  description: 'Export, transit and import declarations: lodging, risk channel, control, release.',
  config,
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  produces: CUSTOMS_TOPIC,
  // one handler for the routes and the waybill consumer
  core: (deps) => declarationHandler(deps.db, { env: config.rules, parties: deps.parties }),
  consumers: (_deps, declarations) => ({
    [WAYBILL_TOPIC]: onWaybillEvent({ declarations, tariff: config.rules.tariff }),
  }),
  routes: (app, deps, declarations) => registerRoutes({ ...deps, ...declarationActions(app, declarations) }),
  gauges: [declarationsByChannel],
});
