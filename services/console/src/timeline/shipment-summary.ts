import type { BillSummary, CreditStatus, DomainEvent, Leg, WaybillContent } from '@railbill/contracts';

/** What the timeline folds: one event of a shipment with its id, time and document (`subject`), typed by `type`. */
export type TimelineEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? Readonly<{ id: string; time: string; subject: string; type: E['type']; data: E['data'] }>
  : never;

export type Milestone = Readonly<{ event: string; at: string; location: string; name?: string | undefined }>;
export type LegSummary = Leg & Readonly<{ status: string; milestones: Milestone[] }>;
/** A title act of the bill (docs/contract.md §3 "Title"): `kind` as the bill's `endorsements[]` names it. */
export type HolderStep = Readonly<{
  holder: string;
  from?: string | undefined;
  at: string;
  via: string;
  kind: string;
  causationId?: string;
}>;
export type Instruction = { n: number; kind: string; status: string; at: string };
/** Where the goods are: the last milestone recorded on any leg, or the place of receipt before the first. */
export type Position = Readonly<{
  location: string;
  event: string;
  at: string | null;
  leg: number | null;
  name?: string | undefined;
}>;
export type DeclarationSummary = {
  id: string;
  type: string;
  office: string;
  destinationOffice?: string | undefined;
  status: string;
  channel: string | null;
  riskReasons: string[];
  duties?: { duty: unknown; vat: unknown; status: string; payment?: unknown } | undefined;
  steps: { type: string; status: string; at: string; by?: string | undefined; reason?: string | undefined }[];
};
export type PresentationSummary = {
  id: string;
  status: string;
  result?: string;
  discrepancies: unknown[];
  invoiceAmount?: unknown;
  presentedAt?: string;
  decisionDeadline?: string;
  paidAmount?: unknown;
};
export type CreditSummary = {
  id: string;
  number: string;
  status: CreditStatus;
  amount?: unknown;
  applicant?: string;
  beneficiary?: string;
  issuingBank?: string;
  nominatedBank?: string | undefined;
  expiry?: unknown;
  latestShipmentDate?: string;
  presentations: PresentationSummary[];
};
export type ShipmentSummary = {
  waybillId: string | null;
  billNumber: string | null;
  type: string | null;
  status: string | null;
  content: WaybillContent | null;
  holder: string | null;
  orderOf: string | null;
  pledge: { pledgee: string; pledgor: string; since: string } | null;
  stopped: boolean;
  instructions: Instruction[];
  legs: LegSummary[];
  position: Position | null;
  holders: HolderStep[];
  declarations: DeclarationSummary[];
  credits: CreditSummary[];
};

/**
 * The state of one fold: the bill as the public fold of contracts knows it, and what the timeline adds to it (the
 * chain of title acts, the instructions, the milestones per leg, the credits and declarations).
 */
export type FoldState = {
  bill: BillSummary | undefined;
  holders: HolderStep[];
  instructions: Instruction[];
  stopped: boolean;
  milestones: Map<number, Milestone[]>;
  declarations: Map<string, DeclarationSummary>;
  credits: Map<string, CreditSummary>;
};
