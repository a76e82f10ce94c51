import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition, ServiceDeps } from '@railbill/platform';
import type { Admin } from 'kafkajs';
import { type ConsoleConfig, watchedGroups } from './config.ts';
import { createEventFeed, type EventFeed } from './consumers/event-feed.ts';
import { recordEvent } from './consumers/record-event.ts';
import { createDeadLetterReader } from './dead-letters/dead-letter-reader.ts';
import { registerRoutes } from './http/routes.ts';

/** The console's consumer group on the three topics (docs/contract.md §6: group = service name). */
export const CONSOLE_GROUP = 'console';
/** The group of the raw reader of the dead-letter topics. */
export const DEAD_LETTER_GROUP = 'console-dead-letters';

/** The console's wiring (docs/architecture.md §2), for `main.ts`, `rebuild.ts` and in-process tests. */
export const consoleService = (config: ConsoleConfig): ServiceDefinition<ConsoleConfig> => {
  const topicName = (t: string) => `${config.KAFKA_TOPIC_PREFIX}${t}`;
  // built once from the first caller's deps: the routes use them, `background` starts and stops them
  let runtime: { feed: EventFeed; admin: Admin } | undefined;
  const runtimeOf = (deps: ServiceDeps) => {
    runtime = runtime ?? { feed: createEventFeed(deps), admin: deps.kafka.admin() };
    return runtime;
  };
  return {
    name: CONSOLE_GROUP,
    description:
      "The operators' view: shipment search, route map, attention panel, pulse and live event stream, read-only.",
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    consumers: () => ({
      [WAYBILL_TOPIC]: recordEvent(WAYBILL_TOPIC),
      [LC_TOPIC]: recordEvent(LC_TOPIC),
      [CUSTOMS_TOPIC]: recordEvent(CUSTOMS_TOPIC),
    }),
    routes: (app, deps) => {
      const r = runtimeOf(deps);
      return registerRoutes(app, {
        ...deps,
        feed: r.feed,
        admin: () => r.admin,
        topicName,
        heartbeatMs: config.STREAM_HEARTBEAT_MS,
        ticketTtlMs: config.STREAM_TICKET_TTL_MS,
        lagThreshold: config.CONSOLE_LAG_THRESHOLD,
      });
    },
    background: (deps) => {
      const r = runtimeOf(deps);
      const reader = createDeadLetterReader(deps, {
        groups: watchedGroups,
        topicName,
        groupId: topicName(DEAD_LETTER_GROUP),
      });
      return {
        start: async () => {
          await r.admin.connect();
          await r.feed.start();
          await reader.start();
        },
        stop: async () => {
          await reader.stop();
          await r.feed.stop();
          await r.admin.disconnect();
        },
      };
    },
  };
};
