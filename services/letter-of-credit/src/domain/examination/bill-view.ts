import type { BillSummary, LegMode, Locode, WaybillContent, WaybillType } from '@railbill/contracts';

export type { BillSignature, CarrierJwk } from '@railbill/contracts';

/**
 * The bill as the examination reads it: the public fold of contracts (`BillSummary`, folded from consumed
 * `waybill.events.v1`, docs/contract.md §4: never by calling the waybill service) with the content's fields the UCP 600
 * rules read laid out flat. Only the summary is stored; this view is made from it on read (`billViewOf`).
 * `firstDeparture` is the date of shipment (UCP 19(a)(ii)/24(a)(ii)).
 */
export type BillView = BillSummary &
  Readonly<{
    type: WaybillType;
    carrier: string;
    shipper: string;
    consignee: string;
    toOrderOf: string | null;
    legs: readonly Readonly<{ sequence: number; mode: LegMode; from: Locode; to: Locode }>[];
    placeOfReceipt: Locode;
    placeOfDelivery: Locode;
    goods: readonly Readonly<{ description: string; hsCode: string }>[];
    creditNumber: string | null;
  }>;

const flat = (content: WaybillContent) => ({
  type: content.type,
  carrier: content.carrier,
  shipper: content.shipper,
  consignee: content.consignee,
  toOrderOf: content.toOrderOf ?? null,
  legs: [...content.legs]
    .sort((a, b) => a.sequence - b.sequence)
    .map(({ sequence, mode, from, to }) => ({ sequence, mode, from, to })),
  placeOfReceipt: content.placeOfReceipt,
  placeOfDelivery: content.placeOfDelivery,
  goods: content.goods.map(({ description, hsCode }) => ({ description, hsCode })),
  creditNumber: content.creditNumber ?? null,
});

/** The examination's view of a bill: the summary and its content laid out flat. */
export const billViewOf = (bill: BillSummary): BillView => ({ ...bill, ...flat(bill.content) });
