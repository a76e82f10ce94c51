import { z } from 'zod';
import { ContainerNumber } from '../values/container-number.ts';
import { HsCode } from '../values/hs-code.ts';
import { PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
import { DecimalString, Money } from '../values/money.ts';
import { text } from '../values/text.ts';

/**
 * docs/contract.md §8 waybill shapes, built twice from one definition: strict for request bodies (unknown fields are
 * rejected, docs/architecture.md §3 Errors) and tolerant for event data (consumers drop fields producers add later).
 */
type ObjectBuilder = typeof z.object | typeof z.strictObject;

export const WaybillType = z.enum(['waybill', 'bill_of_lading']);
export type WaybillType = z.infer<typeof WaybillType>;
export const LegMode = z.enum(['rail', 'sea', 'road', 'inland_waterway']);
export type LegMode = z.infer<typeof LegMode>;
/** docs/codes.md §4: the Incoterms 2020 rules for any mode, the only ones fit for a rail or rail+ bill. */
export const Incoterm = z.enum(['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP']);
export type Incoterm = z.infer<typeof Incoterm>;
export const Freight = z.enum(['prepaid', 'collect']);

const borderCrossing = (object: ObjectBuilder) =>
  object({ station: Locode, name: text(100, { trim: false }).optional(), gaugeChange: z.boolean() });

const leg = (object: ObjectBuilder) =>
  object({
    sequence: z.int().min(1).max(20),
    mode: LegMode,
    carrier: PartyId,
    from: Locode,
    to: Locode,
    borderCrossings: z.array(borderCrossing(object)).max(20).optional(),
  });

/** A counted quantity: a decimal string and its UN/ECE Recommendation 20 unit code (`C62` pieces, `KGM` kilograms). */
export const Quantity = (object: ObjectBuilder) =>
  object({
    value: DecimalString,
    unit: z.string().regex(/^[A-Z0-9]{2,3}$/, 'must be a UN/ECE Rec. 20 unit code such as C62'),
  });

const goodsLine = (object: ObjectBuilder) =>
  object({
    description: text(512),
    hsCode: HsCode,
    packages: z.int().min(1).max(1_000_000),
    packageKind: z.string().regex(/^[A-Z0-9]{2}$/, 'must be a UN/ECE Rec. 21 package code such as CT'),
    grossKg: DecimalString,
    volumeM3: DecimalString.optional(),
    containerNumber: ContainerNumber.optional(),
    sealNumber: text(35, { trim: false }).optional(),
    /** docs/contract.md §8: with `unitValue`, the line's transaction value for customs (docs/customs.md). */
    quantity: Quantity(object).optional(),
    unitValue: Money.optional(),
  });

/** The fields a shipper submits and an amendment may change (docs/contract.md §8 "Waybill"). */
export const waybillContentShape = (object: ObjectBuilder) => ({
  type: WaybillType,
  shipper: PartyId,
  consignee: PartyId,
  toOrderOf: PartyId.optional(),
  notifyParty: PartyId.optional(),
  carrier: PartyId,
  placeOfReceipt: Locode,
  placeOfDelivery: Locode,
  legs: z.array(leg(object)).min(1).max(20),
  goods: z.array(goodsLine(object)).min(1).max(999),
  declaredValue: Money,
  incoterm: Incoterm,
  freight: Freight,
  creditNumber: z
    .string()
    .regex(/^[A-Za-z0-9/\-?:().,'+ ]{1,16}$/, 'must be an MT700 field 20 reference (1–16 characters)')
    .optional(),
  /** A bill issued subject to the UN Convention on Negotiable Cargo Documents (docs/title.md); bill_of_lading only. */
  negotiableCargoDocument: z.boolean().optional(),
});

export const WaybillContent = z.object(waybillContentShape(z.object));
export type WaybillContent = z.infer<typeof WaybillContent>;
export type Leg = WaybillContent['legs'][number];
export type GoodsLine = WaybillContent['goods'][number];
export type BorderCrossing = NonNullable<Leg['borderCrossings']>[number];

/** Request body of `POST /waybills`: strict, and `toOrderOf` required for, and only for, a bill of lading (docs/contract.md §8: 400). */
export const WaybillSubmission = z.strictObject(waybillContentShape(z.strictObject)).superRefine((w, ctx) => {
  if (w.type === 'bill_of_lading' && w.toOrderOf === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['toOrderOf'],
      message: 'a bill of lading is consigned to order: toOrderOf is required',
    });
  if (w.type === 'waybill' && w.toOrderOf !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['toOrderOf'],
      message: 'a straight waybill is not consigned to order: remove toOrderOf',
    });
  if (w.type === 'waybill' && w.negotiableCargoDocument === true)
    ctx.addIssue({
      code: 'custom',
      path: ['negotiableCargoDocument'],
      message: 'a straight waybill is not a negotiable cargo document',
    });
});
export type WaybillSubmission = z.infer<typeof WaybillSubmission>;
