import { z } from 'zod';
import { Instant } from '../values/dates.ts';
import { HsCode } from '../values/hs-code.ts';
import { Id, PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
import { DecimalString, Money } from '../values/money.ts';
import { text } from '../values/text.ts';

export const CUSTOMS_TOPIC = 'customs.events.v1';

/**
 * SPEC §5/§8 declaration shapes, built twice from one definition like waybill-content.ts: strict for request
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
/** customs.md §2: green release, yellow documentary check, red physical examination. */
export const Channel = z.enum(['green', 'yellow', 'red']);
export type Channel = z.infer<typeof Channel>;
export const DecisionOutcome = z.enum(['release', 'hold', 'reject', 'inspect']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
/** ISO 3166-1 alpha-2 country of origin. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as CN');

/** A party on a declaration with its AEO status (SPEC §5). */
export const Trader = z.object({ id: PartyId, aeo: z.boolean() });
export type Trader = z.infer<typeof Trader>;

/**
 * A goods item (SPEC §8). `incidentalCosts` (customs.md §6 step 4): costs after the place of entry up to the first
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
  });

export const GoodsItem = goodsItem(z.object);
export type GoodsItem = z.infer<typeof GoodsItem>;

/** The duty and VAT of one goods item, in the currency of the office's territory. */
export const DutyLine = z.object({
  item: z.int().min(1),
  hsCode: HsCode,
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

/** Every customs event carries these: the waybill service gates departure and surrender on them (SPEC §3). */
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
  /** Transit only: the office of destination (SPEC §5: the bill's place of delivery). */
  destinationOffice: Locode.optional(),
  goods: z.array(GoodsItem).min(1),
  billNumber: z.string().optional(),
  /** The parties named on the bill, who may read the declaration. */
  billParties: z.array(PartyId),
});
export type CustomsLodged = z.infer<typeof CustomsLodged>;

export const CustomsAccepted = z.object(declarationRef);
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
} as const;

/** A customs event as the domain sees it: the type and its parsed `data`. */
export type CustomsEvent = {
  [T in keyof typeof customsEventSchemas]: Readonly<{ type: T; data: z.infer<(typeof customsEventSchemas)[T]> }>;
}[keyof typeof customsEventSchemas];

/** Request goods item of an import: `customsValue` on every item or on none (then allocated from the bill). */
const requestGoodsItem = goodsItem(z.strictObject).partial({ origin: true, customsValue: true });
export type ImportGoodsInput = z.infer<typeof requestGoodsItem>;

/** Request body of `POST /declarations` (SPEC §5): only the consignee's import is lodged over REST. */
export const ImportLodgement = z.strictObject({
  type: z.literal('import'),
  waybillId: Id,
  office: Locode.optional(),
  goods: z.array(requestGoodsItem).min(1).max(999).optional(),
});
export type ImportLodgement = z.infer<typeof ImportLodgement>;

/** Request body of `POST /declarations/{id}/decision`; `item` (1-based) says which goods item was weighed. */
export const OfficerDecision = z.strictObject({
  outcome: DecisionOutcome,
  reason: text(1000),
  observedMassKg: DecimalString.optional(),
  item: z.int().min(1).optional(),
});
export type OfficerDecision = z.infer<typeof OfficerDecision>;

/** SPEC §8 "Declaration" as answered by the service. */
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
  duties: Duties.optional(),
  version: z.int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type DeclarationView = z.infer<typeof DeclarationView>;
