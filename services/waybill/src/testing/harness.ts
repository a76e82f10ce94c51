import { CUSTOMS_TOPIC, LC_TOPIC } from '@railbill/contracts';
import { startServiceHarness } from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { loadWaybillConfig } from '../config.ts';
import { waybillService } from '../service.ts';
import { upstreamEvents } from './upstream-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The waybill service in-process (testkit's harness), with the customs and LC events it consumes. */
export const startHarness = async (env: NodeJS.ProcessEnv = {}) => {
  const h = await startServiceHarness(
    {
      name: 'waybill',
      migrations: new URL('../../migrations', import.meta.url).pathname,
      define: (e) => waybillService(loadWaybillConfig(e)),
      publishes: [CUSTOMS_TOPIC, LC_TOPIC],
    },
    { ...infrastructure(), env },
  );
  return { ...h, ...upstreamEvents(h) };
};
