import type { Executor } from '@railbill/platform';
import { desc, sql } from 'drizzle-orm';
import type { GroupLag } from '../http/consumer-lag.ts';
import { deadLetters, shipments } from '../store/schema.ts';
import type { ShipmentSummary } from '../timeline/summarize.ts';
import { addBankingDays, dueWithin } from './banking-days.ts';

export type AttentionKind =
  | 'presentation_deadline'
  | 'declaration_held'
  | 'declaration_under_control'
  | 'bill_stopped'
  | 'instruction_open'
  | 'dead_letter'
  | 'consumer_lag';

/** One entry of the attention panel; `waybillId` links it to its shipment where one is known. */
export type AttentionItem = Readonly<{
  kind: AttentionKind;
  severity: 'high' | 'medium';
  waybillId: string | null;
  billNumber: string | null;
  title: string;
  detail: string;
  /** A date or instant the entry is about (deadline, when it happened). */
  at: string | null;
}>;

/** How close a decision deadline counts as "near" (docs/console.md "Attention"). */
export const DEADLINE_BANKING_DAYS = 2;

const shipmentItems = (
  r: { waybillId: string; billNumber: string | null; summary: unknown },
  today: string,
): AttentionItem[] => {
  const s = r.summary as ShipmentSummary;
  const base = { waybillId: r.waybillId, billNumber: r.billNumber };
  const out: AttentionItem[] = [];
  for (const c of s.credits)
    for (const p of c.presentations) {
      const deadline = p.decisionDeadline;
      if (deadline === undefined || ['honoured', 'refused', 'forwarded', 'paid'].includes(p.status)) continue;
      if (!dueWithin(deadline, today, DEADLINE_BANKING_DAYS)) continue;
      out.push({
        ...base,
        kind: 'presentation_deadline',
        severity: 'high',
        title: deadline < today ? 'Presentation past its decision deadline' : 'Presentation near its decision deadline',
        detail: `credit ${c.number}: presentation ${p.status}, decide by ${deadline}`,
        at: deadline,
      });
    }
  for (const d of s.declarations) {
    if (d.status !== 'held' && d.status !== 'under_control') continue;
    const held = d.status === 'held';
    const last = d.steps.at(-1);
    out.push({
      ...base,
      kind: held ? 'declaration_held' : 'declaration_under_control',
      severity: held ? 'high' : 'medium',
      title: held ? 'Declaration held' : 'Declaration under control',
      detail: `${d.type} at ${d.office}${d.channel ? `, ${d.channel} channel` : ''}${last?.reason ? `: ${last.reason}` : ''}`,
      at: last?.at ?? null,
    });
  }
  if (s.stopped)
    out.push({
      ...base,
      kind: 'bill_stopped',
      severity: 'high',
      title: 'Bill stopped',
      detail: 'goods held by a stop instruction',
      at: null,
    });
  for (const i of s.instructions.filter((x) => x.status === 'requested'))
    out.push({
      ...base,
      kind: 'instruction_open',
      severity: 'medium',
      title: 'Open instruction',
      detail: `instruction ${i.n} (${i.kind}) waits for the carrier`,
      at: i.at,
    });
  return out;
};

/** The shipment a dead letter belongs to, when its value is an envelope that names one. */
const correlationOf = (value: string | null): string | null => {
  if (value === null) return null;
  try {
    const id = (JSON.parse(value) as { correlationid?: unknown }).correlationid;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
};

/** Everything that needs someone now, most urgent first. */
export const attentionPanel = async (
  db: Executor,
  deps: Readonly<{ today: string; lag: () => Promise<{ groups: GroupLag[] }>; lagThreshold: number }>,
): Promise<{ items: AttentionItem[]; nearDeadlineBy: string; lagThreshold: number }> => {
  const flagged = await db
    .select({ waybillId: shipments.waybillId, billNumber: shipments.billNumber, summary: shipments.summary })
    .from(shipments)
    .where(sql`cardinality(${shipments.attention}) > 0`)
    .orderBy(desc(shipments.lastSeq))
    .limit(500);
  const items = flagged.flatMap((r) => shipmentItems(r, deps.today));

  const letters = await db.select().from(deadLetters).orderBy(desc(deadLetters.id)).limit(50);
  // a dead letter links to its shipment when its envelope names one the console knows
  const known = new Map<string, { billNumber: string | null } | undefined>();
  for (const d of letters) {
    const id = correlationOf(d.value);
    if (id !== null && !known.has(id)) {
      const row = await db
        .select({ billNumber: shipments.billNumber })
        .from(shipments)
        .where(sql`${shipments.waybillId} = ${id}`);
      known.set(id, row[0]);
    }
    const shipment = id === null ? undefined : known.get(id);
    items.push({
      kind: 'dead_letter',
      severity: 'high',
      waybillId: shipment === undefined ? null : id,
      billNumber: shipment?.billNumber ?? null,
      title: 'Dead letter',
      detail: `${d.topic} ${d.partition}:${d.offset}: ${d.reason ?? '(no reason header)'}`,
      at: d.deadLetteredAt === null ? null : new Date(d.deadLetteredAt).toISOString(),
    });
  }

  const lag = await deps.lag().catch(() => ({ groups: [] as GroupLag[] }));
  for (const g of lag.groups.filter((x) => x.lag > deps.lagThreshold))
    items.push({
      kind: 'consumer_lag',
      severity: 'medium',
      waybillId: null,
      billNumber: null,
      title: 'Consumer group lagging',
      detail: `${g.groupId}: ${g.lag} records behind (threshold ${deps.lagThreshold})`,
      at: null,
    });

  const rank = (i: AttentionItem) => (i.severity === 'high' ? 0 : 1);
  items.sort((a, b) => rank(a) - rank(b));
  return { items, nearDeadlineBy: addBankingDays(deps.today, DEADLINE_BANKING_DAYS), lagThreshold: deps.lagThreshold };
};
