import type { App, ServiceDeps } from '@railbill/platform';
import type { Admin } from 'kafkajs';
import type { EventFeed } from '../consumers/event-feed.ts';
import { registerApi } from './routes/api.ts';
import { registerStream } from './routes/stream.ts';
import { registerWeb } from './routes/web.ts';

export type RouteDeps = ServiceDeps &
  Readonly<{
    feed: EventFeed;
    /** The service's connected admin client (consumer lag). */
    admin: () => Admin;
    topicName: (t: string) => string;
    heartbeatMs: number;
    ticketTtlMs: number;
    lagThreshold: number;
  }>;

/** The console (docs/contract.md §1: read-only operators' view on port 3000): the page, the JSON API and the live stream. */
export const registerRoutes = async (app: App, deps: RouteDeps): Promise<void> => {
  registerWeb(app);
  registerStream(app, deps);
  await app.register(async (api) => registerApi(api as unknown as App, deps));
};
