import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { type App, type BuiltService, buildService } from '@railbill/platform';
import {
  createTestTopics,
  injectAs,
  makeParties,
  repoRoot,
  serviceEnv,
  type TestParties,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import pg from 'pg';
import { loadCustomsConfig } from '../../services/customs-clearance/src/config.ts';
import { customsService } from '../../services/customs-clearance/src/service.ts';
import { loadLetterOfCreditConfig } from '../../services/letter-of-credit/src/config.ts';
import { letterOfCreditService } from '../../services/letter-of-credit/src/service.ts';
import { loadWaybillConfig } from '../../services/waybill/src/config.ts';
import { waybillService } from '../../services/waybill/src/service.ts';

export type ServiceName = 'waybill' | 'letter-of-credit' | 'customs-clearance';
export const SERVICES: readonly ServiceName[] = ['waybill', 'letter-of-credit', 'customs-clearance'];

/**
 * Databases named outside the shared `rbt_` test names (a test run elsewhere on the server drops those when it
 * ends), dropped when the system stops.
 */
const ownDatabaseUrl = (serverUrl: string, service: string): string => {
  const u = new URL(serverUrl);
  u.pathname = `/rbr_${Date.now().toString(36)}_${service.replaceAll('-', '_')}_${randomBytes(3).toString('hex')}`;
  return u.toString();
};

const dropDatabases = async (serverUrl: string, urls: readonly string[]) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const url of urls)
      await client
        .query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`)
        .catch(() => undefined);
  } finally {
    await client.end();
  }
};

/** The repository's risk rules without random sampling. */
const noSampling = (): string => {
  const rules = JSON.parse(readFileSync(join(repoRoot, 'services/customs-clearance/config/risk-rules.json'), 'utf8'));
  const file = join(tmpdir(), `railbill-rules-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ ...rules, sampling: { ...rules.sampling, yellowRate: 0, redRate: 0 } }));
  return file;
};

export type InProcessSystem = Readonly<{
  parties: TestParties;
  prefix: string;
  services: Readonly<Record<ServiceName, BuiltService>>;
  apps: Readonly<Record<ServiceName, App>>;
  call: Readonly<Record<ServiceName, ReturnType<typeof injectAs>>>;
  /** Rows a rejected request must not change: documents, events, outbox, idempotency keys. */
  rowCounts: (service: ServiceName) => Promise<string>;
  stop: () => Promise<void>;
}>;

/**
 * The three services in-process on the real broker and PostgreSQL, one cast and one topic prefix, talking to each
 * other through Kafka as in production (customs without random sampling: the channel follows the explicit rules).
 */
export const startInProcessSystem = async (
  databaseServerUrl: string,
  kafkaBrokers: string,
): Promise<InProcessSystem> => {
  const parties = makeParties();
  const prefix = testPrefix();
  await createTestTopics(
    testKafka(kafkaBrokers),
    [WAYBILL_TOPIC, LC_TOPIC, CUSTOMS_TOPIC].map((t) => `${prefix}${t}`),
  );
  const databases = Object.fromEntries(SERVICES.map((s) => [s, ownDatabaseUrl(databaseServerUrl, s)]));
  const env = (service: ServiceName) =>
    serviceEnv({
      databaseUrl: databases[service] as string,
      kafkaBrokers,
      partiesFile: parties.file,
      prefix,
    });
  const [waybill, lc, customs] = await Promise.all([
    buildService(waybillService(loadWaybillConfig(env('waybill')))),
    buildService(letterOfCreditService(loadLetterOfCreditConfig(env('letter-of-credit')))),
    buildService(customsService(loadCustomsConfig({ ...env('customs-clearance'), RISK_RULES_FILE: noSampling() }))),
  ]);
  const services = { waybill, 'letter-of-credit': lc, 'customs-clearance': customs };
  const apps = { waybill: waybill.app, 'letter-of-credit': lc.app, 'customs-clearance': customs.app };
  const call = {
    waybill: injectAs(waybill.app, parties),
    'letter-of-credit': injectAs(lc.app, parties),
    'customs-clearance': injectAs(customs.app, parties),
  };
  const rowCounts = async (service: ServiceName) => {
    const r = await services[service].deps.pool.query(
      `select (select count(*) from documents) || '/' || (select count(*) from document_events) || '/' ||
              (select count(*) from outbox) || '/' || (select count(*) from idempotency_keys) as counts`,
    );
    return String(r.rows[0].counts);
  };
  const stop = async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    await dropDatabases(databaseServerUrl, Object.values(databases));
  };
  return { parties, prefix, services, apps, call, rowCounts, stop };
};
