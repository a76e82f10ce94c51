import {
  applyWaybillChanges,
  assertNever,
  contentAfterInstruction,
  evolveTitle,
  type Instant,
  type LegMode,
  type Locode,
  type WaybillContent,
  type WaybillEvent,
  type WaybillType,
} from '@railbill/contracts';

export type BillStatus = 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';

export type BillView = Readonly<{
  waybillId: string;
  status: BillStatus;
  type: WaybillType;
  carrier: string;
  shipper: string;
  consignee: string;
  toOrderOf: string | null;
  holder: string | null;
  /** The order party now (null: a bearer bill, or a straight waybill); docs/title.md. */
  orderOf: string | null;
  pledge: Readonly<{ pledgee: string; pledgor: string; since: Instant }> | null;
  endorsements: readonly Readonly<{ from: string; to: string; at: Instant }>[];
  legs: readonly Readonly<{ sequence: number; mode: LegMode; from: Locode; to: Locode }>[];
  placeOfReceipt: Locode;
  placeOfDelivery: Locode;
  goods: readonly Readonly<{ description: string; hsCode: string }>[];
  creditNumber: string | null;
  issuedAt: Instant | null;
  /** The first `departed` on the first leg: UCP 19(a)(ii)/24(a)(ii) date of shipment (ucp600.md §8). */
  firstDeparture: Readonly<{ at: Instant; location: Locode }> | null;
}>;

const fromContent = (content: WaybillContent) => ({
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

/**
 * The bill as the examination sees it, folded from consumed `waybill.events.v1` (SPEC §4: never by calling the
 * waybill service). `time` is the envelope's time; undefined until `waybill.submitted` was seen.
 */
export const evolveBillView = (
  view: BillView | undefined,
  event: WaybillEvent,
  meta: Readonly<{ waybillId: string; time: Instant }>,
): BillView | undefined => {
  if (event.type === 'waybill.submitted') {
    const { submittedBy: _s, warnings: _w, ...content } = event.data;
    return {
      waybillId: meta.waybillId,
      status: 'submitted',
      ...fromContent(content),
      holder: null,
      orderOf: null,
      pledge: null,
      endorsements: [],
      issuedAt: null,
      firstDeparture: null,
    };
  }
  if (view === undefined) return undefined;
  const title = evolveTitle(view, event, { toOrderOf: view.toOrderOf ?? undefined });
  const titled = { ...view, holder: title.holder, orderOf: title.orderOf, pledge: title.pledge };
  switch (event.type) {
    case 'waybill.issued':
      return { ...titled, status: 'issued', issuedAt: meta.time };
    case 'waybill.endorsed': {
      const { from, to, at } = event.data;
      return { ...titled, endorsements: [...view.endorsements, { from, to, at }] };
    }
    case 'waybill.transferred':
    case 'waybill.receipt_rejected':
    case 'waybill.pledged':
    case 'waybill.pledge_released':
    case 'waybill.pledge_enforced':
    case 'waybill.instruction_given':
    case 'waybill.instruction_rejected':
      return titled;
    case 'waybill.instruction_accepted':
      return { ...titled, ...fromContent(contentAfterInstruction(contentOf(view), event.data)) };
    case 'waybill.milestone_recorded': {
      const first = view.legs[0]?.sequence ?? 1;
      const { event: milestone, leg, at, location } = event.data;
      const isShipment = milestone === 'departed' && leg === first && view.firstDeparture === null;
      return isShipment ? { ...view, firstDeparture: { at, location } } : view;
    }
    case 'waybill.amended': {
      const content = applyWaybillChanges(contentOf(view), event.data.changes);
      return { ...view, ...fromContent(content) };
    }
    case 'waybill.surrendered':
      return { ...titled, status: 'surrendered' };
    case 'waybill.accomplished':
      return { ...titled, status: 'accomplished' };
    case 'waybill.voided':
      return { ...view, status: 'void' };
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
      return view;
    default:
      return assertNever(event);
  }
};

/** Enough of the content to apply an amendment's changes to; unchanged fields stay as the view has them. */
const contentOf = (view: BillView): WaybillContent =>
  ({
    type: view.type,
    carrier: view.carrier,
    shipper: view.shipper,
    consignee: view.consignee,
    ...(view.toOrderOf === null ? {} : { toOrderOf: view.toOrderOf }),
    legs: view.legs.map((l) => ({ ...l, carrier: view.carrier })),
    placeOfReceipt: view.placeOfReceipt,
    placeOfDelivery: view.placeOfDelivery,
    goods: view.goods,
    ...(view.creditNumber === null ? {} : { creditNumber: view.creditNumber }),
  }) as WaybillContent;

export const foldBillView = (
  waybillId: string,
  events: readonly Readonly<{ event: WaybillEvent; time: Instant }>[],
): BillView | undefined =>
  events.reduce<BillView | undefined>(
    (view, e) => evolveBillView(view, e.event, { waybillId, time: e.time }),
    undefined,
  );
