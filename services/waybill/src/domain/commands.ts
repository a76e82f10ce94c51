import type { Instant, MilestoneEvent, PartyId, WaybillChanges, WaybillContent } from '@railbill/contracts';

/** SPEC §2 roles. Mirrored here because domain/ may not import platform (STYLE §2). */
export type Role = 'shipper' | 'consignee' | 'carrier' | 'bank' | 'customs' | 'operator';

/** The authenticated party acting. */
export type Actor = Readonly<{ id: PartyId; role: Role }>;

/** Roles of the parties a content names, looked up by the caller in the parties file; undefined = unknown party. */
export type Roles = Readonly<Record<PartyId, Role | undefined>>;

type Base = Readonly<{ by: Actor; at: Instant }>;

export type Submit = Base & Readonly<{ type: 'submit'; waybillId: string; content: WaybillContent; roles: Roles }>;

/** `billNumber` is assigned by the caller from the carrier's numbering scheme. */
export type Issue = Base & Readonly<{ type: 'issue'; billNumber: string; clauses?: readonly string[] | undefined }>;

export type Endorse = Base & Readonly<{ type: 'endorse'; to: PartyId; toRole?: Role | undefined }>;

/** `at` is when the milestone happened; `now` is the clock read by the caller (SPEC §8: at most 5 minutes ahead). */
export type RecordMilestone = Base &
  Readonly<{
    type: 'recordMilestone';
    leg: number;
    event: MilestoneEvent;
    location: string;
    name?: string | undefined;
    clauses?: readonly string[] | undefined;
    exportReleased: boolean;
    now: Instant;
  }>;

/** `roles` covers the parties named by the amended content (as for submit). */
export type Amend = Base &
  Readonly<{ type: 'amend'; changes: WaybillChanges; request?: number | undefined; roles: Roles }>;

export type RequestAmendment = Base &
  Readonly<{ type: 'requestAmendment'; n?: number | undefined; changes: WaybillChanges }>;

export type RejectAmendmentRequest = Base &
  Readonly<{ type: 'rejectAmendmentRequest'; n: number; reason?: string | undefined }>;

export type Surrender = Base & Readonly<{ type: 'surrender'; importReleased: boolean }>;

export type Deliver = Base & Readonly<{ type: 'deliver'; importReleased: boolean }>;

export type Void = Base & Readonly<{ type: 'void'; reason?: string | undefined }>;

/** The consequence of `lc.paid` (SPEC §4): the paid bank endorses the bill to the applicant. */
export type EndorseOnPayment = Base &
  Readonly<{ type: 'endorseOnPayment'; bank: PartyId; applicant: PartyId; causationId: string }>;

export type Command =
  | Submit
  | Issue
  | Endorse
  | RecordMilestone
  | Amend
  | RequestAmendment
  | RejectAmendmentRequest
  | Surrender
  | Deliver
  | Void
  | EndorseOnPayment;
