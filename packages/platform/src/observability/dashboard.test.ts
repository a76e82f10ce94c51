import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../http/metrics.ts';

// docs/grafana-dashboard.json queries only metrics the services expose (docs/operations.md "Dashboard")
const dashboard = JSON.parse(
  readFileSync(new URL('../../../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as {
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
};

const domain = [
  'railbill_documents',
  'railbill_presentations',
  'railbill_declarations',
  'railbill_outbox_unpublished',
  'railbill_outbox_lag_seconds',
  'railbill_inbox_lag_messages',
];

describe('the Grafana dashboard', () => {
  it('charts bills, credits, presentations, declarations and the outbox and inbox lag', () => {
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    for (const name of domain) expect(exprs).toContain(name);
  });

  it('queries no metric the services do not expose', async () => {
    const exposed = new Set([
      ...domain,
      ...(await createMetrics('test').registry.getMetricsAsJSON()).flatMap((m) =>
        String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name],
      ),
    ]);
    const queried = dashboard.panels
      .flatMap((p) => (p.targets ?? []).map((t) => t.expr))
      .flatMap((e) => [...e.matchAll(/\brailbill_[a-z_]+/g)].map((m) => m[0]));
    expect(queried.length).toBeGreaterThan(0);
    expect(queried.filter((m) => !exposed.has(m))).toEqual([]);
  });
});
