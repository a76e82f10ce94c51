import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { riskRulesFile, type Sampling, startServiceHarness, type TestParties } from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { loadCustomsConfig } from '../config.ts';
import { customsService } from '../service.ts';
import { waybillEvents } from './waybill-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** customs-clearance in-process (testkit's harness), sampling off unless given; records `customs.events.v1`. */
export const startHarness = async (o: Readonly<{ parties?: TestParties; sampling?: Sampling }> = {}) => {
  const h = await startServiceHarness(
    {
      name: 'customs-clearance',
      migrations: new URL('../../migrations', import.meta.url).pathname,
      define: (e) => customsService(loadCustomsConfig(e)),
      publishes: [WAYBILL_TOPIC],
      records: [CUSTOMS_TOPIC],
    },
    { ...infrastructure(), ...o, env: { RISK_RULES_FILE: riskRulesFile(o.sampling) } },
  );
  return { ...h, ...waybillEvents(h) };
};
