import type {
  Actor,
  Instant,
  InstructionKind,
  MilestoneEvent,
  PartyId,
  Role,
  Roles,
  WaybillChanges,
  WaybillContent,
} from '@railbill/contracts';

/** The party acting and the roles of the parties a content names (docs/contract.md §2), as contracts defines them. */
export type { Actor, Role, Roles } from '@railbill/contracts';

type Base = Readonly<{ by: Actor; at: Instant }>;

export type Submit = Base & Readonly<{ type: 'submit'; waybillId: string; content: WaybillContent; roles: Roles }>;

/** `billNumber` is assigned by the caller from the carrier's numbering scheme. */
export type Issue = Base & Readonly<{ type: 'issue'; billNumber: string; clauses?: readonly string[] | undefined }>;

/** A special endorsement names `to`; a blank one (`to` undefined, `blank` true) makes a bearer bill. */
export type Endorse = Base &
  Readonly<{ type: 'endorse'; to?: PartyId | undefined; toRole?: Role | undefined; blank?: boolean | undefined }>;

/** Hands control without endorsing (docs/title.md); `causationId` for one caused by an event. */
export type Transfer = Base &
  Readonly<{ type: 'transfer'; to: PartyId; toRole?: Role | undefined; causationId?: string | undefined }>;

export type RejectReceipt = Base & Readonly<{ type: 'rejectReceipt'; reason: string }>;

export type Pledge = Base & Readonly<{ type: 'pledge'; to: PartyId; toRole?: Role | undefined }>;

export type ReleasePledge = Base & Readonly<{ type: 'releasePledge' }>;

export type EnforcePledge = Base & Readonly<{ type: 'enforcePledge'; reason: string }>;

export type GiveInstruction = Base &
  Readonly<{
    type: 'giveInstruction';
    kind: InstructionKind;
    placeOfDelivery?: string | undefined;
    notifyParty?: PartyId | undefined;
    notifyRole?: Role | undefined;
  }>;

export type AnswerInstruction = Base &
  Readonly<{ type: 'answerInstruction'; n: number; accept: boolean; reason?: string | undefined }>;

/**
 * The consequences of the credit's events (docs/title.md "Banks and title"): `forwardToIssuingBank` on
 * `lc.documents_forwarded`, `returnToPresenter` on a refusal whose disposal is `returning`, `releaseToApplicant` on
 * `lc.paid`. Each carries the causing event's id; a redelivered event changes nothing.
 */
export type ForwardToIssuingBank = Base &
  Readonly<{ type: 'forwardToIssuingBank'; from: PartyId; to: PartyId; causationId: string }>;

export type ReturnToPresenter = Base &
  Readonly<{ type: 'returnToPresenter'; banks: readonly PartyId[]; presenter: PartyId; causationId: string }>;

/** `at` is when the milestone happened; `now` is the clock read by the caller (docs/contract.md §8: at most 5 minutes ahead). */
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

/** `lc.paid`: the bank of the credit that is the bill's entitled holder releases it to the applicant. */
export type ReleaseToApplicant = Base &
  Readonly<{ type: 'releaseToApplicant'; banks: readonly PartyId[]; applicant: PartyId; causationId: string }>;

export type Command =
  | Submit
  | Issue
  | Endorse
  | Transfer
  | RejectReceipt
  | Pledge
  | ReleasePledge
  | EnforcePledge
  | GiveInstruction
  | AnswerInstruction
  | ForwardToIssuingBank
  | ReturnToPresenter
  | RecordMilestone
  | Amend
  | RequestAmendment
  | RejectAmendmentRequest
  | Surrender
  | Deliver
  | Void
  | ReleaseToApplicant;
