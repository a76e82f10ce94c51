import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import type { ServiceDefinition } from '@railbill/platform';
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

/** What the console's routes and background work share: the event feed and the broker's admin client. */
type Runtime = Readonly<{ feed: EventFeed; admin: Admin }>;

/** The console's wiring (docs/architecture.md §2), for `main.ts`, `rebuild.ts` and in-process tests. */
export const consoleService = (config: ConsoleConfig): ServiceDefinition<ConsoleConfig, Runtime> => {
  const topicName = (t: string) => `${config.KAFKA_TOPIC_PREFIX}${t}`;
  return {
    name: CONSOLE_GROUP,
    description:
      "The operators' view: shipment search, route map, attention panel, pulse and live event stream, read-only.",
    config,
    migrationsFolder: new URL('../migrations', import.meta.url).pathname,
    // the routes use the feed and the admin client; `background` starts and stops them
    core: (deps) => ({ feed: createEventFeed(deps), admin: deps.kafka.admin() }),
    consumers: () => ({
      [WAYBILL_TOPIC]: recordEvent(WAYBILL_TOPIC),
      [LC_TOPIC]: recordEvent(LC_TOPIC),
      [CUSTOMS_TOPIC]: recordEvent(CUSTOMS_TOPIC),
    }),
    routes: (app, deps, r) =>
      registerRoutes(app, {
        ...deps,
        feed: r.feed,
        admin: () => r.admin,
        topicName,
        heartbeatMs: config.STREAM_HEARTBEAT_MS,
        ticketTtlMs: config.STREAM_TICKET_TTL_MS,
        lagThreshold: config.CONSOLE_LAG_THRESHOLD,
      }),
    background: (deps, r) => {
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
