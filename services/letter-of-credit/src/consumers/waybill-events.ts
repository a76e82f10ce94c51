import { type BillSummary, evolveBillSummary, type WaybillEvent } from '@railbill/contracts';
import { applyToProjection, type MessageHandler } from '@railbill/platform';

export const BILLS_PROJECTION = 'bills';

/** Examination reads bills only from the waybill events this service consumed (SPEC §4): its own projection. */
export const onWaybillEvent: MessageHandler = async (tx, { envelope, data }) => {
  const event = { type: envelope.type, data } as WaybillEvent;
  await applyToProjection<BillSummary | null>(tx, {
    name: BILLS_PROJECTION,
    id: envelope.subject,
    sequence: Number(envelope.sequence),
    fold: (bill) =>
      evolveBillSummary(bill ?? undefined, event, { waybillId: envelope.subject, time: envelope.time }) ?? null,
  });
};
