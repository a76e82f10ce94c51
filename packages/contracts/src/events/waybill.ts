import { z } from 'zod';
import { Instant } from '../values/dates.ts';
import { PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
import { text } from '../values/text.ts';
import { WaybillContent, waybillContentShape } from './waybill-content.ts';

export const WAYBILL_TOPIC = 'waybill.events.v1';

/** `waybill.submitted`: the shipper's submission as accepted, with any warnings (e.g. unknown UN/LOCODEs). */
export const WaybillSubmitted = z.object({
  ...WaybillContent.shape,
  submittedBy: PartyId,
  warnings: z.array(z.string()),
});
export type WaybillSubmitted = z.infer<typeof WaybillSubmitted>;

/** The carrier's remarks on the goods or packaging as received (UCP 27: a clause may make the bill unclean). */
export const Clauses = z.array(text(500)).max(20);

/**
 * The carrier's signature as published on the topic (docs/title.md, docs/ucp600.md): the compact JWS of the history
 * entry, the RFC 7638 thumbprint of its key and the public key itself. Added to the event as published, never to
 * the hashed history entry (which carries the JWS as its `signature`).
 */
export const CarrierSignature = {
  signature: z.string().min(1).optional(),
  keyId: z.string().min(1).optional(),
  carrierKey: z.object({ kty: z.string(), crv: z.string(), x: z.string() }).optional(),
};

/** `waybill.issued`: the carrier's bill number; the shipper becomes the first holder; any clauses at issue. */
export const WaybillIssued = z.object({
  billNumber: z.string().min(1),
  issuedBy: PartyId,
  holder: PartyId,
  /** When the bill was issued (the issue act of its title chain); absent on bills issued before the second edition. */
  at: Instant.optional(),
  clauses: Clauses.optional(),
  ...CarrierSignature,
});
export type WaybillIssued = z.infer<typeof WaybillIssued>;

/**
 * `waybill.endorsed`: a special endorsement makes `to` the order party and the holder; a blank one (`blank: true`,
 * `to` = `from`, the holder keeps the bill) makes it a bearer bill. `causationId` is set when an event caused it
 * (e.g. `lc.paid`). docs/title.md.
 */
export const WaybillEndorsed = z.object({
  from: PartyId,
  to: PartyId,
  at: Instant,
  causationId: z.string().optional(),
  blank: z.boolean().optional(),
});
export type WaybillEndorsed = z.infer<typeof WaybillEndorsed>;

/** `waybill.transferred`: control passes from `from` to `to` without an endorsement; the order party stays. */
export const WaybillTransferred = z.object({
  from: PartyId,
  to: PartyId,
  at: Instant,
  causationId: z.string().optional(),
});
export type WaybillTransferred = z.infer<typeof WaybillTransferred>;

export const Pledge = z.object({ pledgee: PartyId, pledgor: PartyId, since: Instant });
export type Pledge = z.infer<typeof Pledge>;

export const TitleActKind = z.enum([
  'issue',
  'transfer',
  'endorse',
  'blank_endorse',
  'reject',
  'pledge',
  'pledge_release',
  'pledge_enforce',
  'surrender',
]);
export type TitleActKind = z.infer<typeof TitleActKind>;

/**
 * `waybill.receipt_rejected`: the receiver of the last title act (`undone`) refused it; the title is back as it was
 * before that act: `holder`, `orderOf` (null: a bearer bill) and `pledge` are the restored values.
 */
export const WaybillReceiptRejected = z.object({
  rejectedBy: PartyId,
  undone: TitleActKind,
  reason: z.string(),
  at: Instant,
  holder: PartyId,
  orderOf: PartyId.nullable(),
  pledge: Pledge.nullable(),
});
export type WaybillReceiptRejected = z.infer<typeof WaybillReceiptRejected>;

/** `waybill.pledged`: the entitled holder hands the bill to a bank as security; the order party stays. */
export const WaybillPledged = z.object({ pledgor: PartyId, pledgee: PartyId, at: Instant });
export type WaybillPledged = z.infer<typeof WaybillPledged>;

/** `waybill.pledge_released`: the pledgee gives control back to the pledgor. */
export const WaybillPledgeReleased = z.object({ pledgee: PartyId, pledgor: PartyId, at: Instant });
export type WaybillPledgeReleased = z.infer<typeof WaybillPledgeReleased>;

/** `waybill.pledge_enforced`: on default the pledgee takes title; `orderOf` is the order party after it. */
export const WaybillPledgeEnforced = z.object({
  pledgee: PartyId,
  pledgor: PartyId,
  reason: z.string(),
  at: Instant,
  orderOf: PartyId.nullable(),
});
export type WaybillPledgeEnforced = z.infer<typeof WaybillPledgeEnforced>;

export const InstructionKind = z.enum(['stop', 'resume', 'change_destination', 'change_notify_party']);
export type InstructionKind = z.infer<typeof InstructionKind>;

/** What an instruction asks for (`placeOfDelivery` for a change of destination, `notifyParty` for a new notify party). */
const instructionTerms = {
  kind: InstructionKind,
  placeOfDelivery: Locode.optional(),
  notifyParty: PartyId.optional(),
};

/** `waybill.instruction_given`: the holder's (or a straight waybill's shipper's) instruction to the carrier. */
export const WaybillInstructionGiven = z.object({
  n: z.int().min(1),
  ...instructionTerms,
  givenBy: PartyId,
  at: Instant,
});
export type WaybillInstructionGiven = z.infer<typeof WaybillInstructionGiven>;

/** `waybill.instruction_accepted`: the carrier carries the instruction out; its terms are repeated for consumers. */
export const WaybillInstructionAccepted = z.object({
  n: z.int().min(1),
  ...instructionTerms,
  acceptedBy: PartyId,
  at: Instant,
});
export type WaybillInstructionAccepted = z.infer<typeof WaybillInstructionAccepted>;

export const WaybillInstructionRejected = z.object({
  n: z.int().min(1),
  kind: InstructionKind,
  rejectedBy: PartyId,
  reason: z.string(),
  at: Instant,
});
export type WaybillInstructionRejected = z.infer<typeof WaybillInstructionRejected>;

export const MilestoneEvent = z.enum([
  'gate_in',
  'loaded',
  'departed',
  'border_crossed',
  'gauge_changed',
  'transshipped',
  'arrived',
  'discharged',
]);
export type MilestoneEvent = z.infer<typeof MilestoneEvent>;

/** `waybill.milestone_recorded`: `leg` is the leg's sequence; `location` the station (docs/contract.md §8). */
export const WaybillMilestoneRecorded = z.object({
  leg: z.int().min(1),
  event: MilestoneEvent,
  at: Instant,
  location: Locode,
  name: z.string().optional(),
  recordedBy: PartyId,
  /** On `loaded`: the carrier's remarks on the goods or packaging as loaded (docs/contract.md §8). */
  clauses: Clauses.optional(),
});
export type WaybillMilestoneRecorded = z.infer<typeof WaybillMilestoneRecorded>;

/** The fields an amendment may change: any subset of the submission's content. */
export const WaybillChanges = z.object(waybillContentShape(z.object)).partial();
export type WaybillChanges = z.infer<typeof WaybillChanges>;

/** `waybill.amended`: a new version of the bill's content; `request` is the amendment request it grants, if any. */
export const WaybillAmended = z.object({
  changes: WaybillChanges,
  amendedBy: PartyId,
  request: z.int().min(1).optional(),
  warnings: z.array(z.string()),
  ...CarrierSignature,
});
export type WaybillAmended = z.infer<typeof WaybillAmended>;

export const WaybillAmendmentRequested = z.object({ n: z.int().min(1), changes: WaybillChanges, requestedBy: PartyId });
export type WaybillAmendmentRequested = z.infer<typeof WaybillAmendmentRequested>;

export const WaybillAmendmentRejected = z.object({
  n: z.int().min(1),
  rejectedBy: PartyId,
  reason: z.string().optional(),
});
export type WaybillAmendmentRejected = z.infer<typeof WaybillAmendmentRejected>;

export const WaybillSurrendered = z.object({ surrenderedBy: PartyId, at: Instant.optional() });
export type WaybillSurrendered = z.infer<typeof WaybillSurrendered>;

/** `waybill.accomplished`: the goods were delivered; the bill is spent. */
export const WaybillAccomplished = z.object({ deliveredTo: PartyId, deliveredBy: PartyId });
export type WaybillAccomplished = z.infer<typeof WaybillAccomplished>;

export const WaybillVoided = z.object({ voidedBy: PartyId, reason: z.string().optional() });
export type WaybillVoided = z.infer<typeof WaybillVoided>;

/** Every waybill event type and the schema of its `data`. Add new types here (docs/architecture.md §2 "One place"). */
export const waybillEventSchemas = {
  'waybill.submitted': WaybillSubmitted,
  'waybill.issued': WaybillIssued,
  'waybill.endorsed': WaybillEndorsed,
  'waybill.transferred': WaybillTransferred,
  'waybill.receipt_rejected': WaybillReceiptRejected,
  'waybill.pledged': WaybillPledged,
  'waybill.pledge_released': WaybillPledgeReleased,
  'waybill.pledge_enforced': WaybillPledgeEnforced,
  'waybill.instruction_given': WaybillInstructionGiven,
  'waybill.instruction_accepted': WaybillInstructionAccepted,
  'waybill.instruction_rejected': WaybillInstructionRejected,
  'waybill.milestone_recorded': WaybillMilestoneRecorded,
  'waybill.amended': WaybillAmended,
  'waybill.amendment_requested': WaybillAmendmentRequested,
  'waybill.amendment_rejected': WaybillAmendmentRejected,
  'waybill.surrendered': WaybillSurrendered,
  'waybill.accomplished': WaybillAccomplished,
  'waybill.voided': WaybillVoided,
} as const;

/** A waybill event as the domain sees it: the type and its parsed `data`. */
export type WaybillEvent = {
  [T in keyof typeof waybillEventSchemas]: Readonly<{ type: T; data: z.infer<(typeof waybillEventSchemas)[T]> }>;
}[keyof typeof waybillEventSchemas];

/**
 * The content after an accepted change of destination or of notify party (docs/title.md): the place of delivery and
 * the last leg's `to` move to the new place.
 */
export const contentAfterInstruction = (
  content: WaybillContent,
  accepted: Readonly<{ kind: InstructionKind; placeOfDelivery?: string | undefined; notifyParty?: string | undefined }>,
): WaybillContent => {
  if (accepted.kind === 'change_notify_party' && accepted.notifyParty !== undefined)
    return { ...content, notifyParty: accepted.notifyParty };
  if (accepted.kind !== 'change_destination' || accepted.placeOfDelivery === undefined) return content;
  const to = accepted.placeOfDelivery;
  const last = Math.max(...content.legs.map((l) => l.sequence));
  return {
    ...content,
    placeOfDelivery: to,
    legs: content.legs.map((l) => (l.sequence === last ? { ...l, to } : l)),
  };
};

/** The content after an amendment: the changed fields replace the old ones; absent fields stay. */
export const applyWaybillChanges = (content: WaybillContent, changes: WaybillChanges): WaybillContent => {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...content, ...defined } as WaybillContent;
};
