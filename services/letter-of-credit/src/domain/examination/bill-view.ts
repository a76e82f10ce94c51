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

/** An Ed25519 public key as a JWK (RFC 8037): what `waybill.issued` / `waybill.amended` carry as `carrierKey`. */
export type CarrierJwk = Readonly<{ kty: string; crv: string; x: string }>;

/** The carrier's signature of the bill as consumed (docs/ucp600.md §4). */
export type BillSignature = Readonly<{ jws: string; keyId: string | null; carrierKey: CarrierJwk | null }>;

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
  billNumber?: string | null;
  /** The carrier's latest signature (at issue, re-signed on amendment), as published with the event. */
  signature?: BillSignature | null;
  /** The carrier's clauses at issue and with `loaded` milestones (UCP 27). */
  clauses?: readonly string[];
  /**
   * The carrier's first dated notation of taking the goods in charge, receiving or dispatching them: the earliest
   * `gate_in`, `loaded` or `departed` on the first leg (UCP 19(a)(ii)/24(a)(ii) date of shipment, docs/ucp600.md).
   * The name stays for the projections already stored.
   */
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
 * The bill as the examination sees it, folded from consumed `waybill.events.v1` (docs/contract.md §4: never by calling the
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
      return {
        ...titled,
        status: 'issued',
        issuedAt: meta.time,
        billNumber: event.data.billNumber,
        signature: signatureOf(event.data) ?? null,
        clauses: [...(view.clauses ?? []), ...(event.data.clauses ?? [])],
      };
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
      const isShipment =
        SHIPMENT_NOTATIONS.has(milestone) &&
        leg === first &&
        (view.firstDeparture === null || at < view.firstDeparture.at);
      const clauses = event.data.clauses ?? [];
      const withClauses = clauses.length === 0 ? view : { ...view, clauses: [...(view.clauses ?? []), ...clauses] };
      return isShipment ? { ...withClauses, firstDeparture: { at, location } } : withClauses;
    }
    case 'waybill.amended': {
      const content = applyWaybillChanges(contentOf(view), event.data.changes);
      const resigned = signatureOf(event.data);
      return { ...view, ...fromContent(content), ...(resigned === undefined ? {} : { signature: resigned }) };
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

/** The signature a `waybill.issued` / `waybill.amended` event was published with, if any. */
const signatureOf = (
  data: Readonly<{
    signature?: string | undefined;
    keyId?: string | undefined;
    carrierKey?: BillSignature['carrierKey'] | undefined;
  }>,
): BillSignature | undefined =>
  data.signature === undefined
    ? undefined
    : { jws: data.signature, keyId: data.keyId ?? null, carrierKey: data.carrierKey ?? null };

/** Milestones that are a dated notation of taking in charge, receipt or dispatch (UCP 19(a)(ii), 24(a)(ii)). */
const SHIPMENT_NOTATIONS: ReadonlySet<string> = new Set(['gate_in', 'loaded', 'departed']);

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
