import { LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { DomainGauge, ServiceDefinition, ServiceDeps } from '@railbill/platform';
import type { LetterOfCreditConfig } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import { type CreditHandler, creditHandler } from './credit-handler.ts';
import { creditActions } from './http/actions.ts';
import { registerRoutes } from './http/routes.ts';
import { createExpiryJob } from './jobs/expire-credits.ts';

/** Presentations by examination result (`pending` while waiting for the bill) and status, for operators. */
const presentationsByResult: DomainGauge = {
  name: 'railbill_presentations',
  help: 'Presentations under credits, by examination result and status',
  labelNames: ['result', 'status'],
  query: `select coalesce(p->>'result', 'pending') as result, p->>'status' as status, count(*)::int as value
          from documents d cross join lateral jsonb_array_elements(d.state->'presentations') p
          where d.kind = 'credit' group by 1, 2`,
};

/** The letter-of-credit service's wiring (docs/architecture.md §2), for `main.ts` and for in-process tests. */
export const letterOfCreditService = (
  config: LetterOfCreditConfig,
  options: Readonly<{ clock?: () => string }> = {},
): ServiceDefinition<LetterOfCreditConfig, CreditHandler> => {
  const handleDeps = (deps: ServiceDeps) => ({
    timeZone: config.TIME_ZONE,
    parties: deps.parties,
    clock: options.clock,
  });
  return {
    name: 'letter-of-credit',
    description:
      'Documentary credits under UCP 600: issue, advice, amendment, presentation, examination, honour or refusal, payment.',
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    produces: LC_TOPIC,
    core: (deps) => creditHandler(deps.db, handleDeps(deps)),
    consumers: (_deps, credits) => ({
      [WAYBILL_TOPIC]: onWaybillEvent({ credits }),
    }),
    routes: (app, deps, credits) => registerRoutes(app, { ...deps, ...creditActions(app, credits, deps.parties) }),
    background: (deps, credits) =>
      createExpiryJob({ ...deps, ...handleDeps(deps), credits, intervalMs: config.EXPIRY_CHECK_MS }),
    gauges: [presentationsByResult],
  };
};
