import type { BillSummary } from '@railbill/contracts';
import { type Executor, loadProjection, projections, queryableOf, type Tx } from '@railbill/platform';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { banksOfCredit } from '../domain/credit-terms.ts';
import { type BillView, billViewOf } from '../domain/examination/bill-view.ts';
import type { Credit } from '../domain/state.ts';

/**
 * The bills' public summaries (contracts' fold) as folded from consumed `waybill.events.v1` (docs/contract.md §4: examination
 * never calls the waybill service).
 */
export const BILLS_PROJECTION = 'bills';

/** The examination's view of a consumed bill, made from its stored summary. */
export const loadBillView = async (db: Executor, waybillId: string): Promise<BillView | undefined> => {
  const summary = (await loadProjection<BillSummary | null>(db, BILLS_PROJECTION, waybillId))?.state;
  return summary === undefined || summary === null ? undefined : billViewOf(summary);
};

/**
 * docs/contract.md §6: the bill that names the credit by `creditNumber`, as consumed. With several (partial shipments, UCP 31),
 * the first created (UUIDv7 ids sort by creation), so the answer never changes once given; a void bill was never a
 * shipment and names nothing. Served by the `projections_bills_credit_number` index.
 */
export const billNamingCredit = async (db: Executor, creditNumber: string): Promise<string | undefined> => {
  const rows = await db
    .select({ id: projections.id })
    .from(projections)
    .where(
      and(
        eq(projections.name, BILLS_PROJECTION),
        eq(sql`${projections.state}->'content'->>'creditNumber'`, creditNumber),
        ne(sql`${projections.state}->>'status'`, 'void'),
      ),
    )
    .orderBy(asc(sql`${projections.state}->'content'->>'creditNumber'`), asc(projections.id))
    .limit(1);
  return rows[0]?.id;
};

/**
 * Whether the consumed bill is the one a presentation rests on, so that consumer lag never reads as a discrepancy:
 * held by a bank of the credit (docs/contract.md §4: the beneficiary endorses before presenting), or spent or void (it never will
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
  await queryableOf(tx).query({ ...LOCK_BILL, values: [`bill:${waybillId}`] });
};

// the consumer's per-event statements are named (parsed and planned once per connection) and sent as soon as they are
// called, so a consumer can send several in one write (consumers/waybill-events.ts)
const LOCK_BILL = { name: 'lc_lock_bill', text: 'select pg_advisory_xact_lock(hashtextextended($1::text, 0))' };
const SELECT_PENDING = `select presentation_id::text as "presentationId", credit_id::text as "creditId",
    waybill_id::text as "waybillId", presented_at::text as "presentedAt" from pending_presentations`;
const PENDING_FOR = {
  name: 'lc_pending_for_bill',
  text: `${SELECT_PENDING} where waybill_id = $1::uuid order by presentation_id`,
};

export type PendingPresentation = Readonly<{
  presentationId: string;
  creditId: string;
  waybillId: string;
  presentedAt: string;
}>;

const toPending = (rows: readonly PendingPresentation[]): readonly PendingPresentation[] =>
  rows.map((r) => ({ ...r, presentedAt: new Date(r.presentedAt).toISOString() }));

/** Presentations waiting for this bill's events, oldest first. */
export const pendingFor = async (db: Executor, waybillId: string): Promise<readonly PendingPresentation[]> =>
  toPending((await queryableOf(db).query<PendingPresentation>({ ...PENDING_FOR, values: [waybillId] })).rows);

/** Every presentation still waiting, oldest first (for the backstop of the expiry job). */
export const allPending = async (db: Executor): Promise<readonly PendingPresentation[]> =>
  toPending((await queryableOf(db).query<PendingPresentation>(`${SELECT_PENDING} order by presentation_id`)).rows);
