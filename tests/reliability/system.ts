import type { App, BuiltService } from '@railbill/platform';
import {
  type injectAs,
  makeParties,
  riskRulesFile,
  type ServiceHarness,
  startServiceHarness,
  type TestParties,
  testPrefix,
} from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { customsUnderTest } from '../../services/customs-clearance/src/testing/harness.ts';
import { letterOfCreditUnderTest } from '../../services/letter-of-credit/src/testing/harness.ts';
import { waybillUnderTest } from '../../services/waybill/src/testing/harness.ts';

export type ServiceName = 'waybill' | 'letter-of-credit' | 'customs-clearance';
export const SERVICES: readonly ServiceName[] = ['waybill', 'letter-of-credit', 'customs-clearance'];

export type InProcessSystem = Readonly<{
  parties: TestParties;
  prefix: string;
  services: Readonly<Record<ServiceName, BuiltService>>;
  apps: Readonly<Record<ServiceName, App>>;
  /** Where each service listens (a raw socket's port). */
  urls: Readonly<Record<ServiceName, string>>;
  call: Readonly<Record<ServiceName, ReturnType<typeof injectAs>>>;
  /** Rows a rejected request must not change: documents, events, outbox, idempotency keys. */
  rowCounts: (service: ServiceName) => Promise<string>;
  /** Each service's database. */
  databases: Readonly<Record<ServiceName, string>>;
  stop: () => Promise<void>;
}>;

/**
 * The three services in-process (testkit's harness) on the real broker and PostgreSQL, one cast and one topic prefix,
 * talking to each other through Kafka as in production (customs without random sampling: the channel follows the
 * explicit rules).
 */
export const startInProcessSystem = async (): Promise<InProcessSystem> => {
  const o = { ...infrastructure(), parties: makeParties(), prefix: testPrefix() };
  const [waybill, lc, customs] = await Promise.all([
    startServiceHarness(waybillUnderTest, o),
    startServiceHarness(letterOfCreditUnderTest, o),
    startServiceHarness(customsUnderTest, { ...o, env: { RISK_RULES_FILE: riskRulesFile() } }),
  ]);
  const harnesses: Readonly<Record<ServiceName, ServiceHarness>> = {
    waybill,
    'letter-of-credit': lc,
    'customs-clearance': customs,
  };
  const each = <T>(f: (h: ServiceHarness) => T): Record<ServiceName, T> => ({
    waybill: f(waybill),
    'letter-of-credit': f(lc),
    'customs-clearance': f(customs),
  });
  const rowCounts = async (service: ServiceName) => {
    const r = await harnesses[service].service.deps.pool.query(
      `select (select count(*) from documents) || '/' || (select count(*) from document_events) || '/' ||
              (select count(*) from outbox) || '/' || (select count(*) from idempotency_keys) as counts`,
    );
    return String(r.rows[0].counts);
  };
  return {
    parties: o.parties,
    prefix: o.prefix,
    services: each((h) => h.service),
    apps: each((h) => h.app),
    urls: each((h) => h.url),
    call: each((h) => h.call),
    rowCounts,
    databases: each((h) => h.databaseUrl),
    stop: async () => {
      await Promise.all(Object.values(harnesses).map((h) => h.stop()));
    },
  };
};
