import { type Executor, loadProjection, projections, type Tx } from '@railbill/platform';
import { and, eq, sql } from 'drizzle-orm';

/**
 * A release on payment that could not be carried out yet (docs/title.md "Banks and title"): `lc.paid` arrived while no
 * bank of the credit was the bill's entitled holder (e.g. before the nominated bank forwarded it). Kept in the waybill
 * database until a later act on the bill lets it happen; never retried from the topic, never dead-lettered.
 */
export type PendingRelease = Readonly<{
  /** The `lc.paid` event's id: the release's causation. */
  causationId: string;
  creditNumber: string;
  applicant: string;
  banks: readonly string[];
  /** The bank that paid, acting for the release. */
  bank: string;
}>;

const NAME = 'pending_release';

export const savePendingRelease = async (tx: Tx, waybillId: string, release: PendingRelease): Promise<void> => {
  await tx
    .insert(projections)
    .values({ name: NAME, id: waybillId, version: 0, applied: 1, state: release })
    .onConflictDoUpdate({
      target: [projections.name, projections.id],
      set: { state: release, updatedAt: sql`now()` },
    });
};

/** Asked after every act that leaves a bill issued. */
export const loadPendingRelease = async (db: Executor, waybillId: string): Promise<PendingRelease | undefined> =>
  (await loadProjection<PendingRelease>(db, NAME, waybillId))?.state;

export const dropPendingRelease = async (tx: Tx, waybillId: string): Promise<void> => {
  await tx.delete(projections).where(and(eq(projections.name, NAME), eq(projections.id, waybillId)));
};

/**
 * Locks the bill's row for the rest of the transaction, so that deciding to keep a release pending and a concurrent
 * act that would have let it happen cannot miss each other.
 */
export const lockBill = async (tx: Tx, waybillId: string): Promise<void> => {
  await tx.execute(sql`select 1 from documents where id = ${waybillId} for update`);
};
