import { isLcEvent, type ParsedEvent } from '@railbill/contracts';
import type { MessageHandler } from '@railbill/platform';
import { sql } from 'drizzle-orm';
import { refreshAfter } from '../shipments/refresh.ts';
import { events } from '../store/schema.ts';

/** The channel a committed insert is announced on; the payload is the row's `seq`. */
export const EVENTS_CHANNEL = 'console_events';

const creditNumberOf = (event: ParsedEvent): string | null => (isLcEvent(event) ? event.data.creditNumber : null);

/**
 * Stores one consumed event (any of the three topics) as received, inside the inbox transaction, refolds the
 * shipment(s) it belongs to into `shipments`, and announces it with NOTIFY, which PostgreSQL delivers only when that transaction commits.
 */
export const recordEvent =
  (topic: string): MessageHandler =>
  async (tx, event) => {
    const e = event.envelope;
    const inserted = await tx
      .insert(events)
      .values({
        eventId: e.id,
        topic,
        type: e.type,
        subject: e.subject,
        correlationId: e.correlationid,
        time: e.time,
        sequence: e.sequence,
        creditNumber: creditNumberOf(event),
        envelope: e,
      })
      .onConflictDoNothing()
      .returning({ seq: events.seq });
    const row = inserted[0];
    if (row === undefined) return;
    await refreshAfter(tx, { correlationId: e.correlationid, creditNumber: creditNumberOf(event) }, row.seq);
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(row.seq)})`);
  };
