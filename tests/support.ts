import { existsSync } from 'node:fs';
import { isValidTraceparent } from '@railbill/platform';
import { queryOnce, type RunningProcess, readAllRecords, type SystemEnv, testKafka } from '@railbill/testkit';
import { chromium } from 'playwright-core';

/** Reads one row of a projection straight from a service's database (the test's view into the service). */
export const projectionRow = async (
  service: RunningProcess,
  name: string,
  id: string,
): Promise<{ version: number; applied: number; state: Record<string, unknown> } | undefined> =>
  (
    await queryOnce<{ version: number; applied: number; state: Record<string, unknown> }>(
      service.databaseUrl,
      'select version, applied, state from projections where name = $1 and id = $2',
      [name, id],
    )
  )[0];

export const countRows = async (service: RunningProcess, sql: string, params: unknown[]): Promise<number> =>
  Number((await queryOnce<{ n: number }>(service.databaseUrl, sql, params))[0]?.n ?? 0);

export const json = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  ...extra,
});

/**
 * Every record on a run's topics (DLQs included) and those among them without a valid W3C `traceparent` header
 * (docs/operations.md "Tracing": every record carries the trace of the work that produced it).
 */
export const untracedRecords = async (env: SystemEnv) => {
  const records = await readAllRecords(testKafka(env.kafkaBrokers), env.topicPrefix);
  const untraced = records
    .filter((r) => !isValidTraceparent(r.headers.traceparent))
    .map((r) => `${r.topic} ${r.key ?? ''}: ${r.headers.traceparent ?? 'no traceparent'}`);
  return { count: records.length, untraced };
};

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, headless, for the console's browser tests. */
export const launchChromium = () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run \`bash infra/chromium.sh\` (installs Debian chromium), then rerun`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
