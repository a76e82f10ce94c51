import {
  type BillSummary,
  evolveBillSummary,
  foldBillSummary,
  type Instant,
  type WaybillEvent,
} from '@railbill/contracts';
import { type BillView, billViewOf } from '../examination/bill-view.ts';

/**
 * The examination's view of a bill after its events, as the service gets it: the contracts' summary folded from
 * them (as the waybill consumer stores it), then `billViewOf` (as the examination reads it).
 */
const viewOf = (bill: BillSummary | undefined): BillView | undefined =>
  bill === undefined ? undefined : billViewOf(bill);

/** One more consumed waybill event (`time`: the envelope's); undefined until `waybill.submitted` was seen. */
export const evolveBillView = (
  view: BillView | undefined,
  event: WaybillEvent,
  meta: Readonly<{ waybillId: string; time: Instant }>,
): BillView | undefined => viewOf(evolveBillSummary(view, event, meta));

export const foldBillView = (
  waybillId: string,
  events: readonly Readonly<{ event: WaybillEvent; time: Instant }>[],
): BillView | undefined => viewOf(foldBillSummary(waybillId, events));
