import { parseEvent } from '@railbill/contracts';
import type { Executor } from '@railbill/platform';
import { arrayContains, eq, sql } from 'drizzle-orm';
import { shipmentEvents } from '../store/queries.ts';
import { shipments } from '../store/schema.ts';
import { summarize } from '../timeline/summarize.ts';
import { indexEntry } from './index-entry.ts';

/** The summary of a shipment's stored events (the same fold the timeline answers). */
export const summaryOf = async (db: Executor, correlationId: string) => {
  const events = await shipmentEvents(db, correlationId);
  // stored as received, so valid (the inbox parsed each): parsed again to be read as the typed union of events
  const summary = summarize(
    events.flatMap((e) => {
      const parsed = parseEvent(e.envelope);
      return parsed.ok ? [{ ...parsed.event, id: e.id, time: e.time, subject: e.subject }] : [];
    }),
  );
  return { events, summary };
};

/** Refolds one shipment into its `shipments` row; a correlation id with no bill (a credit alone) has no row. */
export const refreshShipment = async (db: Executor, correlationId: string, seq: number): Promise<void> => {
  const { events, summary } = await summaryOf(db, correlationId);
  if (summary.waybillId === null) return;
  const entry = indexEntry(summary);
  const row = {
    waybillId: correlationId,
    ...entry,
    lastSeq: seq,
    lastEventAt: events.at(-1)?.time ?? '',
    summary,
  };
  await db
    .insert(shipments)
    .values(row)
    .onConflictDoUpdate({
      target: shipments.waybillId,
      set: { ...row, lastSeq: sql`greatest(${shipments.lastSeq}, ${seq})` },
    });
};

/**
 * After an event is stored: refolds its shipment, and for a credit's event also every shipment whose bill names
 * that credit (a credit's early events carry its own correlation id, docs/contract.md §6).
 */
export const refreshAfter = async (
  db: Executor,
  event: Readonly<{ correlationId: string; creditNumber: string | null }>,
  seq: number,
): Promise<void> => {
  const ids = new Set([event.correlationId]);
  if (event.creditNumber !== null) {
    const named = await db
      .select({ id: shipments.waybillId })
      .from(shipments)
      .where(arrayContains(shipments.creditNumbers, [event.creditNumber]));
    for (const r of named) ids.add(r.id);
  }
  // Partitions are consumed concurrently: without a lock, a refold that read the events before another
  // transaction committed could overwrite that transaction's newer refold. Locks are taken in one order (no deadlock)
  // and held to commit, so each refold reads every event committed before it.
  const sorted = [...ids].sort();
  for (const id of sorted) await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`console:${id}`}))`);
  for (const id of sorted) await refreshShipment(db, id, seq);
};

export const shipmentRow = async (db: Executor, waybillId: string) =>
  (await db.select().from(shipments).where(eq(shipments.waybillId, waybillId)))[0];
