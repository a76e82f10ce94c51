import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import {
  riskRulesFile,
  type Sampling,
  type ServiceUnderTest,
  startServiceHarness,
  type TestParties,
} from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { type CustomsConfig, loadCustomsConfig } from '../config.ts';
import type { DeclarationHandler } from '../declaration-handler.ts';
import { customsService } from '../service.ts';
import { waybillEvents } from './waybill-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Its risk rules come from `RISK_RULES_FILE` (testkit's `riskRulesFile`: no random sampling unless asked). */
export const customsUnderTest: ServiceUnderTest<CustomsConfig, DeclarationHandler> = {
  define: (env) => customsService(loadCustomsConfig(env)),
  publishes: [WAYBILL_TOPIC],
  records: [CUSTOMS_TOPIC],
};

/** customs-clearance in-process (testkit's harness), sampling off unless given; records `customs.events.v1`. */
export const startHarness = async (o: Readonly<{ parties?: TestParties; sampling?: Sampling }> = {}) => {
  const h = await startServiceHarness(customsUnderTest, {
    ...infrastructure(),
    ...o,
    env: { RISK_RULES_FILE: riskRulesFile(o.sampling) },
  });
  return { ...h, ...waybillEvents(h) };
};
