import type { Admin } from 'kafkajs';
import type pg from 'pg';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logger.ts';

/**
 * A gauge read from the service's own database at each scrape: `query` returns one row per series, with a column
 * per label and a numeric `value` (docs/operations.md "Metrics").
 */
export type DomainGauge = Readonly<{ name: string; help: string; labelNames: readonly string[]; query: string }>;

/** Every service: its documents by kind and status (bills, credits, declarations by status). */
export const documentsByStatus: DomainGauge = {
  name: 'railbill_documents',
  help: 'Documents the service owns, by kind and status',
  labelNames: ['kind', 'status'],
  query: 'select kind, status, count(*)::int as value from documents group by kind, status',
};

/** Every service with an outbox: rows not yet published and the age of the oldest one. */
const outboxGauges: readonly DomainGauge[] = [
  {
    name: 'railbill_outbox_unpublished',
    help: 'Outbox rows committed but not yet published to Kafka',
    labelNames: [],
    query: 'select count(*)::int as value from outbox where published_at is null',
  },
  {
    name: 'railbill_outbox_lag_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when the outbox is drained)',
    labelNames: [],
    query: `select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as value
            from outbox where published_at is null`,
  },
];

export type PartitionOffsets = Readonly<{ partition: number; high: string; low: string }>;
export type CommittedOffset = Readonly<{ partition: number; offset: string }>;

/** Records a consumer group still has to read on one topic: per partition, the end minus what it committed. */
export const lagOf = (ends: readonly PartitionOffsets[], committed: readonly CommittedOffset[]): number =>
  ends.reduce((sum, end) => {
    const mine = committed.find((c) => c.partition === end.partition);
    const from = mine === undefined || Number(mine.offset) < 0 ? Number(end.low) : Number(mine.offset);
    return sum + Math.max(0, Number(end.high) - Math.max(from, Number(end.low)));
  }, 0);

export type InboxLagSource = Readonly<{ admin: Admin; groupId: string; topics: readonly string[] }>;

const readInboxLag = async (s: InboxLagSource): Promise<{ topic: string; lag: number }[]> => {
  const committed = await s.admin.fetchOffsets({ groupId: s.groupId, topics: [...s.topics] });
  return Promise.all(
    s.topics.map(async (topic) => ({
      topic,
      lag: lagOf(await s.admin.fetchTopicOffsets(topic), committed.find((t) => t.topic === topic)?.partitions ?? []),
    })),
  );
};

export type DomainMetricsOptions = Readonly<{
  registry: Registry;
  pool: pg.Pool;
  log: Logger;
  /** The service's own gauges (e.g. presentations by result), besides documents by status and the outbox's. */
  gauges?: readonly DomainGauge[];
  /** The consumer group's lag, when the service consumes. */
  inbox?: InboxLagSource | undefined;
}>;

/**
 * Registers the operators' domain metrics, computed when Prometheus scrapes: a failing source leaves its series
 * empty for that scrape (and is logged) rather than failing `/metrics`.
 */
export const registerDomainMetrics = (o: DomainMetricsOptions): void => {
  for (const g of [documentsByStatus, ...outboxGauges, ...(o.gauges ?? [])]) {
    new Gauge({
      name: g.name,
      help: g.help,
      labelNames: [...g.labelNames],
      registers: [o.registry],
      async collect() {
        this.reset();
        try {
          const { rows } = await o.pool.query<Record<string, unknown>>(g.query);
          for (const row of rows) {
            const labels = Object.fromEntries(g.labelNames.map((l) => [l, String(row[l] ?? 'none')]));
            this.set(labels, Number(row.value));
          }
        } catch (error) {
          o.log.warn({ err: error, metric: g.name }, 'metric not collected');
        }
      },
    });
  }
  const inbox = o.inbox;
  if (inbox === undefined) return;
  new Gauge({
    name: 'railbill_inbox_lag_messages',
    help: 'Records on a consumed topic that the service has not processed yet (topic end minus committed offset)',
    labelNames: ['topic'],
    registers: [o.registry],
    async collect() {
      this.reset();
      try {
        for (const { topic, lag } of await readInboxLag(inbox)) this.set({ topic }, lag);
      } catch (error) {
        o.log.warn({ err: error, metric: 'railbill_inbox_lag_messages' }, 'metric not collected');
      }
    },
  });
};
