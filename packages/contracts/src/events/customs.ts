import { z } from 'zod';
import { CurrencyCode } from '../values/currency.ts';
import { Instant, LocalDate } from '../values/dates.ts';
import { HsCode } from '../values/hs-code.ts';
import { Id, PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
import { DecimalString, Money } from '../values/money.ts';
import { text } from '../values/text.ts';
import { Incoterm, Quantity } from './waybill-content.ts';

export const CUSTOMS_TOPIC = 'customs.events.v1';

/**
 * docs/contract.md §5/§8 declaration shapes, built twice from one definition like waybill-content.ts: strict for request
 * bodies, tolerant for event data.
 */
type ObjectBuilder = typeof z.object | typeof z.strictObject;

export const DeclarationType = z.enum(['export', 'transit', 'import']);
export type DeclarationType = z.infer<typeof DeclarationType>;
export const DeclarationStatus = z.enum([
  'lodged',
  'accepted',
  'under_control',
  'released',
  'held',
  'rejected',
  'discharged',
]);
export type DeclarationStatus = z.infer<typeof DeclarationStatus>;
/** docs/customs.md: green release, yellow documentary check, red physical examination. */
export const Channel = z.enum(['green', 'yellow', 'red']);
export type Channel = z.infer<typeof Channel>;
export const DecisionOutcome = z.enum(['release', 'hold', 'reject', 'inspect']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
/** ISO 3166-1 alpha-2 country of origin. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as CN');

/** A party on a declaration with its AEO status (docs/contract.md §5). */
export const Trader = z.object({ id: PartyId, aeo: z.boolean() });
export type Trader = z.infer<typeof Trader>;

/**
 * The customs exchange rate used (docs/contract.md §8): 1 `from` = `rate` `to`, as published for `validFrom`–`validTo`.
 */
export const ExchangeRate = z.object({
  rate: DecimalString,
  from: CurrencyCode,
  to: CurrencyCode,
  validFrom: LocalDate,
  validTo: LocalDate,
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/** How a line's transaction value was found (docs/customs.md §1). */
export const ValuationBasis = z.enum([
  /** `unitValue` × `quantity` of the line. */
  'unit_value',
  /** The declared value shared in proportion to the lines' `unitValue` × `quantity` (their sum differs from it). */
  'declared_value_by_line_value',
  /** The declared value (or what the valued lines leave of it) shared in proportion to gross mass. */
  'declared_value_by_mass',
]);
export type ValuationBasis = z.infer<typeof ValuationBasis>;

/**
 * One adjustment from the transaction value to the value at the point of entry (UCC arts. 71–72): `add` for costs
 * up to entry (EXW, FCA), `deduct` for transport after entry (C- and D-terms); `amount` is the line's share.
 */
export const ValuationAdjustment = z.object({
  kind: z.enum(['costs_to_entry', 'freight_after_entry']),
  effect: z.enum(['add', 'deduct']),
  amount: Money,
});
export type ValuationAdjustment = z.infer<typeof ValuationAdjustment>;

/**
 * docs/contract.md §8 `valuation`: the line's transaction value, its adjustments and the exchange rate (absent: none
 * needed).
 */
export const Valuation = z.object({
  basis: ValuationBasis,
  incoterm: Incoterm.optional(),
  transactionValue: Money,
  adjustments: z.array(ValuationAdjustment),
  exchangeRate: ExchangeRate.optional(),
});
export type Valuation = z.infer<typeof Valuation>;

/**
 * A goods item (docs/contract.md §8). `incidentalCosts` (docs/customs.md §5): costs after the place of entry up to the first
 * place of destination, left out of the customs value but added to the import VAT base.
 */
const goodsItem = (object: ObjectBuilder) =>
  object({
    hsCode: HsCode,
    description: text(512),
    origin: CountryCode,
    customsValue: Money,
    incidentalCosts: Money.optional(),
    grossKg: DecimalString,
    packages: z.int().min(1).max(1_000_000),
    containerNumber: text(11, { trim: false }).optional(),
    quantity: Quantity(object).optional(),
    unitValue: Money.optional(),
    valuation: Valuation.optional(),
  });

export const GoodsItem = goodsItem(z.object);
export type GoodsItem = z.infer<typeof GoodsItem>;

/** The duty and VAT of one goods item, in the currency of the office's territory. */
export const DutyLine = z.object({
  item: z.int().min(1),
  hsCode: HsCode,
  /** The tariff line the rate came from: the full code, a heading allowed as fallback, or `default`. */
  tariffLine: z.string().optional(),
  customsValue: Money,
  dutyRate: DecimalString,
  duty: Money,
  vatBase: Money,
  vatRate: DecimalString,
  vat: Money,
});
export type DutyLine = z.infer<typeof DutyLine>;
export const Duties = z.object({ duty: Money, vat: Money, lines: z.array(DutyLine) });
export type Duties = z.infer<typeof Duties>;

/** docs/contract.md §5: how the importer settled duty and VAT before release. */
export const PaymentMethod = z.enum(['paid', 'guarantee']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const DutiesStatus = z.enum(['assessed', 'paid', 'guaranteed']);
export type DutiesStatus = z.infer<typeof DutiesStatus>;
const PaymentReference = text(35);
export const DutiesPayment = z.object({ method: PaymentMethod, reference: PaymentReference, by: PartyId, at: Instant });
export type DutiesPayment = z.infer<typeof DutiesPayment>;
/** docs/contract.md §8 `duties` of a declaration: the assessment, whether it was paid or guaranteed, and how. */
export const DutiesView = z.object({ status: DutiesStatus, ...Duties.shape, payment: DutiesPayment.optional() });
export type DutiesView = z.infer<typeof DutiesView>;

/** Every customs event carries these: the waybill service gates departure and surrender on them (docs/contract.md §3). */
const declarationRef = {
  waybillId: Id,
  declarationType: DeclarationType,
  office: Locode,
  /** The declaration's status after the event. */
  status: DeclarationStatus,
  at: Instant,
};

/** `customs.lodged`: the whole declaration as lodged. */
export const CustomsLodged = z.object({
  ...declarationRef,
  lodgedBy: PartyId,
  declarant: Trader,
  exporter: Trader.optional(),
  importer: Trader.optional(),
  /** Transit only: the office of destination (docs/contract.md §5: the bill's place of delivery). */
  destinationOffice: Locode.optional(),
  goods: z.array(GoodsItem).min(1),
  billNumber: z.string().optional(),
  /** The parties named on the bill, who may read the declaration. */
  billParties: z.array(PartyId),
});
export type CustomsLodged = z.infer<typeof CustomsLodged>;

/** `customs.accepted`: with `by` and `reason` when an officer's release waits for the duties (docs/contract.md §5). */
export const CustomsAccepted = z.object({ ...declarationRef, by: PartyId.optional(), reason: z.string().optional() });
export type CustomsAccepted = z.infer<typeof CustomsAccepted>;

/** `customs.risk_assessed`: `riskReasons` are `<rule-id>: <why>`, one per rule hit. */
export const CustomsRiskAssessed = z.object({
  ...declarationRef,
  channel: Channel,
  riskReasons: z.array(z.string()),
  score: z.int(),
  observedMassKg: DecimalString.optional(),
  observedItem: z.int().min(1).optional(),
});
export type CustomsRiskAssessed = z.infer<typeof CustomsRiskAssessed>;

const officerAct = { ...declarationRef, by: PartyId, reason: z.string() };

export const CustomsInspectionOrdered = z.object(officerAct);
export type CustomsInspectionOrdered = z.infer<typeof CustomsInspectionOrdered>;

/** `customs.released`: `by` is absent for a green release with no officer. */
export const CustomsReleased = z.object({ ...declarationRef, by: PartyId.optional(), reason: z.string() });
export type CustomsReleased = z.infer<typeof CustomsReleased>;

export const CustomsHeld = z.object(officerAct);
export type CustomsHeld = z.infer<typeof CustomsHeld>;

export const CustomsRejected = z.object(officerAct);
export type CustomsRejected = z.infer<typeof CustomsRejected>;

export const CustomsDischarged = z.object({ ...declarationRef, by: PartyId });
export type CustomsDischarged = z.infer<typeof CustomsDischarged>;

export const CustomsDutiesAssessed = z.object({ ...declarationRef, ...Duties.shape });
export type CustomsDutiesAssessed = z.infer<typeof CustomsDutiesAssessed>;

/** `customs.duties_paid`: the importer paid or guaranteed the assessed duty and VAT (docs/contract.md §5). */
export const CustomsDutiesPaid = z.object({
  ...declarationRef,
  by: PartyId,
  method: PaymentMethod,
  reference: PaymentReference,
  duty: Money,
  vat: Money,
});
export type CustomsDutiesPaid = z.infer<typeof CustomsDutiesPaid>;

/** Every customs event type and the schema of its `data`. */
export const customsEventSchemas = {
  'customs.lodged': CustomsLodged,
  'customs.accepted': CustomsAccepted,
  'customs.risk_assessed': CustomsRiskAssessed,
  'customs.inspection_ordered': CustomsInspectionOrdered,
  'customs.released': CustomsReleased,
  'customs.held': CustomsHeld,
  'customs.rejected': CustomsRejected,
  'customs.discharged': CustomsDischarged,
  'customs.duties_assessed': CustomsDutiesAssessed,
  'customs.duties_paid': CustomsDutiesPaid,
} as const;

/** A customs event as the domain sees it: the type and its parsed `data`. */
export type CustomsEvent = {
  [T in keyof typeof customsEventSchemas]: Readonly<{ type: T; data: z.infer<(typeof customsEventSchemas)[T]> }>;
}[keyof typeof customsEventSchemas];

/**
 * Request goods item of an import: the bill's line fields customs values (docs/customs.md), and the origin
 * (by default the shipper's country).
 */
const requestGoodsItem = z.strictObject({
  hsCode: HsCode,
  description: text(512),
  origin: CountryCode.optional(),
  grossKg: DecimalString,
  packages: z.int().min(1).max(1_000_000),
  containerNumber: text(11, { trim: false }).optional(),
  quantity: Quantity(z.strictObject).optional(),
  unitValue: Money.optional(),
});
export type ImportGoodsInput = z.infer<typeof requestGoodsItem>;

/**
 * Request body of `POST /declarations` (docs/contract.md §5): only the importer's import is lodged over REST.
 * `costsToEntry` (EXW, FCA) and `freightAfterEntry` (C- and D-terms) adjust the transaction value to the point of
 * entry.
 */
export const ImportLodgement = z.strictObject({
  type: z.literal('import'),
  waybillId: Id,
  office: Locode.optional(),
  goods: z.array(requestGoodsItem).min(1).max(999).optional(),
  costsToEntry: Money.optional(),
  freightAfterEntry: Money.optional(),
});
export type ImportLodgement = z.infer<typeof ImportLodgement>;

/** Request body of `POST /declarations/{id}/payment` (docs/contract.md §5). */
export const DutiesPaymentRequest = z.strictObject({ method: PaymentMethod, reference: PaymentReference });
export type DutiesPaymentRequest = z.infer<typeof DutiesPaymentRequest>;

/** Request body of `POST /declarations/{id}/decision`; `item` (1-based) says which goods item was weighed. */
export const OfficerDecision = z.strictObject({
  outcome: DecisionOutcome,
  reason: text(1000),
  observedMassKg: DecimalString.optional(),
  item: z.int().min(1).optional(),
});
export type OfficerDecision = z.infer<typeof OfficerDecision>;

/** docs/contract.md §8 "Declaration" as answered by the service. */
export const DeclarationView = z.object({
  id: Id,
  type: DeclarationType,
  waybillId: Id,
  office: Locode,
  destinationOffice: Locode.optional(),
  status: DeclarationStatus,
  channel: Channel.nullable(),
  riskReasons: z.array(z.string()),
  goods: z.array(GoodsItem),
  declarant: Trader,
  exporter: Trader.optional(),
  importer: Trader.optional(),
  duties: DutiesView.optional(),
  version: z.int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type DeclarationView = z.infer<typeof DeclarationView>;
