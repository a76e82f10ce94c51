import { type Executor, loadProjection, type Tx } from '@railbill/platform';
import { asc, eq, sql } from 'drizzle-orm';
import { banksOfCredit } from '../domain/credit-terms.ts';
import type { BillView } from '../domain/examination/bill-view.ts';
import type { Credit } from '../domain/state.ts';
import { pendingPresentations } from './schema.ts';

/** The bills as folded from consumed `waybill.events.v1` (SPEC §4: examination never calls the waybill service). */
export const BILLS_PROJECTION = 'bills';

export const loadBillView = async (db: Executor, waybillId: string): Promise<BillView | undefined> =>
  (await loadProjection<BillView | null>(db, BILLS_PROJECTION, waybillId))?.state ?? undefined;

/**
 * Whether the consumed bill is the one a presentation rests on, so that consumer lag never reads as a discrepancy:
 * held by a bank of the credit (SPEC §4: the beneficiary endorses before presenting), or spent or void (it never will
 * be), or known as of the presentation (an event of the bill later than the presentation was consumed, and Kafka
 * keeps a bill's events in order, so nothing earlier is still to come).
 */
export const examinable = (
  bill: BillView | undefined,
  credit: Credit,
  asOf?: Readonly<{ presentedAt: string; eventTime: string }>,
): bill is BillView =>
  bill !== undefined &&
  ((bill.holder !== null && banksOfCredit(credit.terms).includes(bill.holder)) ||
    bill.status === 'void' ||
    bill.status === 'surrendered' ||
    bill.status === 'accomplished' ||
    (asOf !== undefined && Date.parse(asOf.presentedAt) < Date.parse(asOf.eventTime)));

/**
 * Serialises, per bill, a presentation's look-up of the bill with the consumer's update of it: whichever commits
 * second sees the other's rows, so a presentation can never miss the bill's arrival (and wait for ever).
 */
export const lockBill = async (tx: Tx, waybillId: string): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`bill:${waybillId}`}, 0))`);
};

export type PendingPresentation = Readonly<{ presentationId: string; creditId: string; presentedAt: string }>;

/** Presentations waiting for this bill's events, oldest first. */
export const pendingFor = async (db: Executor, waybillId: string): Promise<readonly PendingPresentation[]> => {
  const rows = await db
    .select({
      presentationId: pendingPresentations.presentationId,
      creditId: pendingPresentations.creditId,
      presentedAt: pendingPresentations.presentedAt,
    })
    .from(pendingPresentations)
    .where(eq(pendingPresentations.waybillId, waybillId))
    .orderBy(asc(pendingPresentations.presentationId));
  return rows.map((r) => ({ ...r, presentedAt: new Date(r.presentedAt).toISOString() }));
};
