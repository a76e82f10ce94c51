import { CUSTOMS_TOPIC, LC_TOPIC } from '@railbill/contracts';
import { type ServiceUnderTest, startServiceHarness } from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { loadWaybillConfig, type WaybillConfig } from '../config.ts';
import type { WaybillCore } from '../service.ts';
import { waybillService } from '../service.ts';
import { upstreamEvents } from './upstream-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export const waybillUnderTest: ServiceUnderTest<WaybillConfig, WaybillCore> = {
  define: (env) => waybillService(loadWaybillConfig(env)),
  publishes: [CUSTOMS_TOPIC, LC_TOPIC],
};

/** The waybill service in-process (testkit's harness), with the customs and LC events it consumes. */
export const startHarness = async (env: NodeJS.ProcessEnv = {}) => {
  const h = await startServiceHarness(waybillUnderTest, { ...infrastructure(), env });
  return { ...h, ...upstreamEvents(h) };
};
