import { type BillSummary, evolveBillSummary, isWaybillEvent } from '@railbill/contracts';
import { applyToProjection, eventOfTopic, type MessageHandler } from '@railbill/platform';
import { billViewOf } from '../domain/examination/bill-view.ts';
import { type ExaminePendingDeps, examinePendingIn } from '../examine-pending.ts';
import { pinCarrierKey } from '../store/carrier-keys.ts';
import { BILLS_PROJECTION, examinable, lockBill, pendingFor } from '../store/facts.ts';
import { loadCredit } from '../store/repository.ts';

/**
 * `waybill.events.v1` → the `bills` projection examination reads (docs/contract.md §4), and in the same inbox transaction the
 * examination of presentations that were made before their bill's events had been consumed.
 */
export const onWaybillEvent =
  (deps: ExaminePendingDeps): MessageHandler =>
  async (tx, consumed, ctx) => {
    const event = eventOfTopic(consumed, isWaybillEvent);
    const { envelope } = event;
    const waybillId = envelope.subject;
    // the lock, the waiting presentations and the bill's row go out in one write, in this order, and are answered
    // together: one wait instead of three (bench/README.md)
    const [, waiting, summary] = await Promise.all([
      lockBill(tx, waybillId),
      pendingFor(tx, waybillId),
      applyToProjection<BillSummary | null>(tx, {
        name: BILLS_PROJECTION,
        id: waybillId,
        sequence: Number(envelope.sequence),
        fold: (s) => evolveBillSummary(s ?? undefined, event, { waybillId, time: envelope.time }) ?? null,
      }),
    ]);
    if (summary === undefined || summary === null) return;
    const bill = billViewOf(summary);
    // a carrier's key comes with a signature, which only these events carry (the summary keeps it afterwards)
    if (event.type === 'waybill.issued' || event.type === 'waybill.amended') await pinCarrierKey(tx, bill);
    for (const pending of waiting) {
      const { state } = await loadCredit(tx, pending.creditId);
      const asOf = { presentedAt: pending.presentedAt, eventTime: envelope.time };
      if (state.status === 'initial' || !examinable(bill, state, asOf)) continue;
      const { creditId, presentationId } = pending;
      await examinePendingIn(
        tx,
        deps,
        { creditId, credit: state, presentationId, bill, causationId: envelope.id },
        ctx.log,
      );
    }
  };
