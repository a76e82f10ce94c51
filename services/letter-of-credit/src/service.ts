import { LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition } from '@railbill/platform';
import type { LetterOfCreditConfig } from './config.ts';
import { onWaybillEvent } from './consumers/waybill-events.ts';
import type { HandleDeps } from './handle.ts';
import { registerRoutes } from './http/routes.ts';
import { createExpiryJob } from './jobs/expire-credits.ts';

/** The letter-of-credit service's wiring (STYLE §2), for `main.ts` and for in-process tests. */
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
  };
};
