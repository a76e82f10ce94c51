import { z } from 'zod';
import { Instant } from '../values/dates.ts';
import { PartyId } from '../values/ids.ts';
import { Locode } from '../values/locode.ts';
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
export const Clauses = z.array(z.string().trim().min(1).max(500)).max(20);

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
  clauses: Clauses.optional(),
  ...CarrierSignature,
});
export type WaybillIssued = z.infer<typeof WaybillIssued>;

/** `waybill.endorsed`: title passes from `from` to `to`; `causationId` is set when an event caused it (e.g. `lc.paid`). */
export const WaybillEndorsed = z.object({
  from: PartyId,
  to: PartyId,
  at: Instant,
  causationId: z.string().optional(),
});
export type WaybillEndorsed = z.infer<typeof WaybillEndorsed>;

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

/** `waybill.milestone_recorded`: `leg` is the leg's sequence; `location` the station (SPEC §8). */
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

export const WaybillSurrendered = z.object({ surrenderedBy: PartyId });
export type WaybillSurrendered = z.infer<typeof WaybillSurrendered>;

/** `waybill.accomplished`: the goods were delivered; the bill is spent. */
export const WaybillAccomplished = z.object({ deliveredTo: PartyId, deliveredBy: PartyId });
export type WaybillAccomplished = z.infer<typeof WaybillAccomplished>;

export const WaybillVoided = z.object({ voidedBy: PartyId, reason: z.string().optional() });
export type WaybillVoided = z.infer<typeof WaybillVoided>;

/** Every waybill event type and the schema of its `data`. Add new types here (STYLE §2 "One place"). */
export const waybillEventSchemas = {
  'waybill.submitted': WaybillSubmitted,
  'waybill.issued': WaybillIssued,
  'waybill.endorsed': WaybillEndorsed,
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

/** The content after an amendment: the changed fields replace the old ones; absent fields stay. */
export const applyWaybillChanges = (content: WaybillContent, changes: WaybillChanges): WaybillContent => {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...content, ...defined } as WaybillContent;
};
