import type {
  Actor,
  CreditChanges,
  CreditTerms,
  Disposal,
  Instant,
  Invoice,
  LocalDate,
  PartyId,
  PresentedDocument,
  Roles,
} from '@railbill/contracts';
import type { BankingCalendar } from './banking-days.ts';
import type { BillView } from './examination/bill-view.ts';
import type { CarrierFacts } from './examination/context.ts';

/** The party acting and the roles of the parties the terms name (docs/contract.md §2), as contracts defines them. */
export type { Actor, Role, Roles } from '@railbill/contracts';

/** `today` is the date in the service's time zone at `at`, computed by the caller. */
type Base = Readonly<{ by: Actor; at: Instant; today: LocalDate }>;

/**
 * Facts an examination needs from outside: the bill rebuilt from consumed waybill events (undefined while none
 * was consumed), the examining bank's calendar (14(b), 29(a)) and the fallback time zone of the shipment date.
 */
export type ExaminationFacts = Readonly<{
  bill: BillView | undefined;
  calendar: BankingCalendar;
  timeZone: string;
  /** The bill's carrier as the parties file and consumed keys know it (BILL_SIGNATURE_INVALID, CARRIER_NOT_IDENTIFIED). */
  carrier: CarrierFacts;
}>;

export type Issue = Base & Readonly<{ type: 'issue'; terms: CreditTerms; roles: Roles }>;
export type Advise = Base & Readonly<{ type: 'advise' }>;
/** `roles` covers the parties the changes name (as for issue). */
export type ProposeAmendment = Base &
  Readonly<{ type: 'proposeAmendment'; changes: CreditChanges; note?: string | undefined; roles: Roles }>;
export type AcceptAmendment = Base & Readonly<{ type: 'acceptAmendment'; n: number }>;
export type RejectAmendment = Base & Readonly<{ type: 'rejectAmendment'; n: number }>;
export type Present = Base &
  ExaminationFacts &
  Readonly<{
    type: 'present';
    presentationId: string;
    /** The bank presented to (UCP 6(d)(ii)); `calendar` is its calendar. */
    presentedTo: PartyId;
    waybillId: string;
    invoice: Invoice;
    documents: readonly PresentedDocument[];
  }>;
/** Sent by the waybill consumer once the bill of a pending presentation has arrived. */
export type ExaminePending = Base & ExaminationFacts & Readonly<{ type: 'examinePending'; presentationId: string }>;
export type Waive = Base & Readonly<{ type: 'waive'; presentationId: string }>;
/** `calendar`: the honouring bank's, on which a maturity date falling on a closing day moves on. */
export type Honour = Base & Readonly<{ type: 'honour'; presentationId: string; calendar: BankingCalendar }>;
export type Refuse = Base &
  Readonly<{ type: 'refuse'; presentationId: string; reason?: string | undefined; disposal: Disposal }>;
export type Pay = Base & Readonly<{ type: 'pay'; presentationId: string }>;
/** The nominated bank sends the documents (and the bill) on to the issuing bank after honouring (docs/title.md). */
export type Forward = Base & Readonly<{ type: 'forward'; presentationId: string }>;
export type Close = Base & Readonly<{ type: 'close' }>;
/** A scheduled command; `calendar` is the calendar of the place of expiry (29(a)). */
export type Expire = Base & Readonly<{ type: 'expire'; calendar: BankingCalendar }>;

export type Command =
  | Issue
  | Advise
  | ProposeAmendment
  | AcceptAmendment
  | RejectAmendment
  | Present
  | ExaminePending
  | Waive
  | Honour
  | Refuse
  | Pay
  | Forward
  | Close
  | Expire;
