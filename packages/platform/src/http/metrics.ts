import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type Metrics = Readonly<{
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  eventsPublished: Counter;
  messagesConsumed: Counter<'outcome'>;
}>;

/** One registry per process with default Node metrics plus railbill's own. */
export const createMetrics = (service: string): Metrics => {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'railbill_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'railbill_outbox_events_published_total',
      help: 'Events published by the outbox relay',
      registers: [registry],
    }),
    messagesConsumed: new Counter({
      name: 'railbill_inbox_messages_total',
      help: 'Messages consumed, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
};
