import { z } from 'zod';
import { Instant, LocalDate } from '../values/dates.ts';
import { Id, PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
import { Money } from '../values/money.ts';
import { text } from '../values/text.ts';

export const LC_TOPIC = 'lc.events.v1';

/**
 * docs/contract.md §8 credit shapes, built twice from one definition (as waybill-content.ts): strict for request bodies,
 * tolerant for event data.
 */
type ObjectBuilder = typeof z.object | typeof z.strictObject;

/** docs/swift-messages.md: field 20 is 16x, must not start or end with `/` nor contain `//`. */
export const CreditNumber = z
  .string()
  .regex(/^(?!\/)(?!.*\/\/)[A-Za-z0-9/\-?:().,'+ ]{1,16}(?<!\/)$/, 'must be an MT700 field 20 reference');
export type CreditNumber = z.infer<typeof CreditNumber>;

export const DocumentKind = z.enum([
  'railway_bill_of_lading',
  'commercial_invoice',
  'packing_list',
  'certificate_of_origin',
  'insurance_document',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const AvailableBy = z.enum(['sight_payment', 'deferred_payment', 'acceptance', 'negotiation']);
export type AvailableBy = z.infer<typeof AvailableBy>;
export const Allowance = z.enum(['allowed', 'not_allowed']);
export type Allowance = z.infer<typeof Allowance>;
export const Confirmation = z.enum(['without', 'confirm', 'may_add']);
export type Confirmation = z.infer<typeof Confirmation>;
/** The event a deferred payment or acceptance falls due after (MT700 42C/42P; UCP 3: "after" excludes the date). */
export const TenorFrom = z.enum(['shipment', 'presentation', 'sight']);
export type TenorFrom = z.infer<typeof TenorFrom>;

const plainText = (max: number) => text(max);

/** SWIFT's character sets (docs/swift-messages.md): x, and z = x plus = ! " % & * < > ; { @ # _. */
const SWIFT_SETS = { x: /[A-Za-z0-9/\-?:().,'+ ]/, z: /[A-Za-z0-9/\-?:().,'+ =!"%&*<>;{@#_]/ } as const;

/**
 * Text that goes into a SWIFT message, refused (400, naming the field and the character) when a character is outside
 * the field's set: never silently dropped or replaced, so the message says what was examined.
 */
const swiftText = (max: number, set: 'x' | 'z' = 'z') =>
  plainText(max).superRefine((text, ctx) => {
    const bad = [...text].find((c) => !SWIFT_SETS[set].test(c));
    if (bad !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `character '${bad}' (U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) is outside SWIFT's ${set} character set`,
      });
  });

const documentRequirement = (object: ObjectBuilder) =>
  object({
    kind: DocumentKind,
    originals: z.int().min(0).max(10).optional(),
    copies: z.int().min(0).max(20).optional(),
    consignedToOrderOf: PartyId.optional(),
    /** Instead of `consignedToOrderOf`: the bill must be endorsed in blank (a bearer bill); docs/title.md. */
    blankEndorsed: z.literal(true).optional(),
  });

/** The terms of a credit (docs/contract.md §8 "Credit"); tolerance absent = none stated (UCP 30(c) may apply). */
export const creditTermsShape = (object: ObjectBuilder) => ({
  number: CreditNumber,
  issuingBank: PartyId,
  advisingBank: PartyId,
  nominatedBank: PartyId.optional(),
  applicant: PartyId,
  beneficiary: PartyId,
  amount: Money,
  tolerance: object({ plusPercent: z.int().min(0).max(100), minusPercent: z.int().min(0).max(100) }).optional(),
  expiry: object({ date: LocalDate, place: swiftText(29, 'x') }),
  availableBy: AvailableBy,
  partialShipments: Allowance,
  transshipment: Allowance,
  placeOfReceipt: Locode.optional(),
  placeOfDispatch: Locode,
  placeOfFinalDestination: Locode,
  latestShipmentDate: LocalDate,
  goodsDescription: swiftText(6500),
  documentsRequired: z.array(documentRequirement(object)).min(1).max(20),
  additionalConditions: z.array(swiftText(650)).max(50),
  presentationPeriodDays: z.int().min(1).max(999),
  confirmation: Confirmation,
  /** Required for, and only for, `deferred_payment` and `acceptance` (docs/ucp600.md). */
  tenor: object({ days: z.int().min(1).max(999), from: TenorFrom }).optional(),
});

export const CreditTerms = z.object(creditTermsShape(z.object));
export type CreditTerms = z.infer<typeof CreditTerms>;
export type DocumentRequirement = CreditTerms['documentsRequired'][number];

/** Request body of `POST /credits`: strict; docs/contract.md §8 defaults (21 days, no additional conditions). */
export const CreditIssueRequest = z.strictObject({
  ...creditTermsShape(z.strictObject),
  additionalConditions: z.array(swiftText(650)).max(50).default([]),
  presentationPeriodDays: z.int().min(1).max(999).default(21),
});
export type CreditIssueRequest = z.infer<typeof CreditIssueRequest>;

/** UCP 10: what an amendment may change. The number, issuing bank and applicant stay. */
const amendableShape = (object: ObjectBuilder) => {
  const { number: _n, issuingBank: _i, applicant: _a, ...rest } = creditTermsShape(object);
  return rest;
};

export const CreditChanges = z.object(amendableShape(z.object)).partial();
export type CreditChanges = z.infer<typeof CreditChanges>;

/** Request body of `POST /credits/{id}/amendments`. */
export const CreditAmendmentRequest = z.strictObject({
  changes: z.strictObject(amendableShape(z.strictObject)).partial(),
  note: swiftText(210).optional(),
});
export type CreditAmendmentRequest = z.infer<typeof CreditAmendmentRequest>;

const invoice = (object: ObjectBuilder) =>
  object({
    number: text(35),
    issuer: PartyId,
    addressedTo: PartyId,
    date: LocalDate,
    amount: Money,
    goodsDescription: plainText(6500),
  });
/** A presented document; an insurance document adds its cover (UCP 28(e), (f)): amount, date and route. */
const presentedDocument = (object: ObjectBuilder) =>
  object({
    kind: DocumentKind,
    originals: z.int().min(0).max(10).optional(),
    copies: z.int().min(0).max(20).optional(),
    amount: Money.optional(),
    date: LocalDate.optional(),
    coversFrom: Locode.optional(),
    coversTo: Locode.optional(),
  });

export const Invoice = invoice(z.object);
export type Invoice = z.infer<typeof Invoice>;
export const PresentedDocument = presentedDocument(z.object);
export type PresentedDocument = z.infer<typeof PresentedDocument>;

/** Request body of `POST /credits/{id}/presentations`. */
export const PresentationRequest = z.strictObject({
  waybillId: Id,
  /** UCP 6(d)(ii): the bank presented to; the nominated bank by default, or the issuing bank. */
  presentedTo: PartyId.optional(),
  invoice: invoice(z.strictObject),
  documents: z.array(presentedDocument(z.strictObject)).max(20),
});
export type PresentationRequest = z.infer<typeof PresentationRequest>;

/** A discrepancy: stable `code` (docs/ucp600.md), the article it comes from, a human message. */
export const Discrepancy = z.object({ code: z.string().min(1), article: z.string(), message: z.string() });
export type Discrepancy = z.infer<typeof Discrepancy>;

/** UCP 16(c)(iii): what the refusing bank does with the documents (docs/ucp600.md). */
export const Disposal = z.enum([
  'holding_pending_instructions',
  'holding_until_waiver',
  'returning',
  'per_previous_instructions',
]);
export type Disposal = z.infer<typeof Disposal>;
/** Event data also reads the earlier name of `per_previous_instructions` (schemas only evolve compatibly). */
const RecordedDisposal = z
  .enum([...Disposal.options, 'acting_on_prior_instructions'])
  .transform((d): Disposal => (d === 'acting_on_prior_instructions' ? 'per_previous_instructions' : d));

/** Request body of `…/refuse`. */
export const RefusalRequest = z.strictObject({
  reason: text(1000).optional(),
  disposal: Disposal.default('holding_pending_instructions'),
});
export type RefusalRequest = z.infer<typeof RefusalRequest>;

const credit = { creditNumber: CreditNumber };

export const LcIssued = z.object({ ...CreditTerms.shape, ...credit, issuedBy: PartyId, issuedOn: LocalDate });
export type LcIssued = z.infer<typeof LcIssued>;
export const LcAdvised = z.object({ ...credit, advisedBy: PartyId });
export const LcAmendmentProposed = z.object({
  ...credit,
  n: z.int().min(1),
  changes: CreditChanges,
  note: z.string().optional(),
  proposedBy: PartyId,
});
export const LcAmendmentAccepted = z.object({ ...credit, n: z.int().min(1), acceptedBy: PartyId });
export const LcAmendmentRejected = z.object({ ...credit, n: z.int().min(1), rejectedBy: PartyId });
/** `presentedOn` is the presentation's date at the examining bank; the deadline is 5 banking days later (14(b)). */
export const LcPresented = z.object({
  ...credit,
  presentationId: Id,
  waybillId: Id,
  invoice: Invoice,
  documents: z.array(PresentedDocument),
  presentedAt: Instant,
  presentedOn: LocalDate,
  decisionDeadline: LocalDate,
  presentedBy: PartyId,
  /** The bank presented to (UCP 6(d)(ii)); absent in events recorded before it existed: the default bank. */
  presentedTo: PartyId.optional(),
});
export type LcPresented = z.infer<typeof LcPresented>;
/** `billHolder`: who held the bill when it was examined (the bank that endorses it on after payment). */
export const LcExamined = z.object({
  ...credit,
  presentationId: Id,
  result: z.enum(['complying', 'discrepant']),
  discrepancies: z.array(Discrepancy),
  billHolder: PartyId.optional(),
  /** The date of shipment the examination read (UCP 19(a)(ii)/24(a)(ii)): a tenor from shipment counts from it. */
  shipmentDate: LocalDate.optional(),
});
export type LcExamined = z.infer<typeof LcExamined>;
export const LcDiscrepanciesWaived = z.object({ ...credit, presentationId: Id, by: PartyId });
/** `maturityDate`: when a deferred payment or accepted draft falls due (credits with a `tenor`). */
export const LcHonoured = z.object({
  ...credit,
  presentationId: Id,
  amount: Money,
  by: PartyId,
  maturityDate: LocalDate.optional(),
});
/** UCP 16(c)/(d): one notice with every discrepancy and the disposal of the documents. */
export const LcRefused = z.object({
  ...credit,
  presentationId: Id,
  discrepancies: z.array(Discrepancy),
  reason: z.string().optional(),
  disposal: RecordedDisposal,
  by: PartyId,
});
/** Consumed by the waybill service: endorses the bill from `bank` to `applicant` (docs/contract.md §4). */
export const LcPaid = z.object({
  ...credit,
  presentationId: Id,
  waybillId: Id,
  amount: Money,
  applicant: PartyId,
  bank: PartyId,
  paidBy: PartyId,
});
export type LcPaid = z.infer<typeof LcPaid>;
/**
 * The nominated bank sends the documents on to the issuing bank after honouring; the waybill service passes the bill
 * from `from` (the nominated bank) to `to` (the issuing bank). docs/title.md.
 */
export const LcDocumentsForwarded = z.object({
  ...credit,
  presentationId: Id,
  waybillId: Id,
  from: PartyId,
  to: PartyId,
  by: PartyId,
});
export type LcDocumentsForwarded = z.infer<typeof LcDocumentsForwarded>;
export const LcClosed = z.object({ ...credit, closedBy: PartyId });
export const LcExpired = z.object({ ...credit, expiredOn: LocalDate });

/** Every letter-of-credit event type and the schema of its `data`. */
export const lcEventSchemas = {
  'lc.issued': LcIssued,
  'lc.advised': LcAdvised,
  'lc.amendment_proposed': LcAmendmentProposed,
  'lc.amendment_accepted': LcAmendmentAccepted,
  'lc.amendment_rejected': LcAmendmentRejected,
  'lc.presented': LcPresented,
  'lc.examined': LcExamined,
  'lc.discrepancies_waived': LcDiscrepanciesWaived,
  'lc.honoured': LcHonoured,
  'lc.refused': LcRefused,
  'lc.documents_forwarded': LcDocumentsForwarded,
  'lc.paid': LcPaid,
  'lc.closed': LcClosed,
  'lc.expired': LcExpired,
} as const;

/** A letter-of-credit event as the domain sees it: the type and its parsed `data`. */
export type LcEvent = {
  [T in keyof typeof lcEventSchemas]: Readonly<{ type: T; data: z.infer<(typeof lcEventSchemas)[T]> }>;
}[keyof typeof lcEventSchemas];
