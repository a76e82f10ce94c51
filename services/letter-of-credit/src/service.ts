import { LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { DomainGauge, ServiceDefinition } from '@railbill/platform';
import type { LetterOfCreditConfig } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import type { HandleDeps } from './handle.ts';
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
): ServiceDefinition<LetterOfCreditConfig> => {
  const handle: HandleDeps = { timeZone: config.TIME_ZONE, ...(options.clock ? { clock: options.clock } : {}) };
  return {
    name: 'letter-of-credit',
    description:
      'Documentary credits under UCP 600: issue, advice, amendment, presentation, examination, honour or refusal, payment.',
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    produces: LC_TOPIC,
    consumers: (deps) => ({
      [WAYBILL_TOPIC]: onWaybillEvent({ handle: { ...handle, parties: deps.parties }, parties: deps.parties }),
    }),
    routes: (app, deps) => registerRoutes(app, { ...deps, handle: { ...handle, parties: deps.parties } }),
    background: (deps) =>
      createExpiryJob({ ...deps, handle: { ...handle, parties: deps.parties }, intervalMs: config.EXPIRY_CHECK_MS }),
    gauges: [presentationsByResult],
  };
};
