import { projections, type Tx } from '@railbill/platform';
import { and, eq } from 'drizzle-orm';
import type { BillFacts } from '../domain/bill-facts.ts';

/** The bills this service knows from `waybill.events.v1` (docs/contract.md §5: never by calling the waybill service). */
export const BILLS_PROJECTION = 'bills';

/**
 * The bill's facts (undefined when no `waybill.submitted` of it was consumed), its projection row locked until the
 * transaction ends: two imports lodged concurrently for one bill are serialised, so the second sees the first among
 * the bill's declarations and is refused.
 */
export const lockBillFacts = async (tx: Tx, waybillId: string): Promise<BillFacts | undefined> => {
  const rows = await tx
    .select({ state: projections.state })
    .from(projections)
    .where(and(eq(projections.name, BILLS_PROJECTION), eq(projections.id, waybillId)))
    .for('update');
  return (rows[0]?.state as BillFacts | null | undefined) ?? undefined;
};
