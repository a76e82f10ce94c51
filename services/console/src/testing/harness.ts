import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { dlqTopicOf } from '@railbill/platform';
import { type CastMember, startServiceHarness } from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { loadConsoleConfig, watchedGroups } from '../config.ts';
import { consoleService } from '../service.ts';
import type { ScriptedEvent } from './shipment-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The console in-process (testkit's harness) on a socket (the stream needs one), fed the three services' events. */
export const startHarness = async () => {
  const h = await startServiceHarness(
    {
      define: (e) => consoleService(loadConsoleConfig(e)),
      publishes: [WAYBILL_TOPIC, LC_TOPIC, CUSTOMS_TOPIC, ...watchedGroups.map(dlqTopicOf)],
    },
    { ...infrastructure(), env: { STREAM_HEARTBEAT_MS: '1000' } },
  );
  const get = async (as: CastMember | undefined, path: string) => {
    const res = await fetch(`${h.url}${path}`, {
      headers: as === undefined ? {} : { authorization: `Bearer ${h.parties.token(as)}` },
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as never };
  };
  return { ...h, get, publish: (e: ScriptedEvent) => h.publish(e.topic, e) };
};
