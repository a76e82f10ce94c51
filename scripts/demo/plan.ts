import type { Cast, Role } from './cast.ts';

export type MilestoneStep = Readonly<{
  leg: number;
  event: string;
  date: string;
  hour?: number;
  location: string;
  name?: string;
}>;
type Dates = Readonly<{ date: (d: string) => string; at: (d: string, hour?: number) => string }>;

/** A shipment of docs/shipments.md as the parties play it (dates as written; shifted when played). */
export type ShipmentPlan = Readonly<{
  label: string;
  /** The scenario's last date: it lands on yesterday. */
  anchor: string;
  parties: Readonly<{
    shipper: Role;
    consignee: Role;
    carrier: Role;
    issuingBank: Role;
    nominatedBank: Role;
    /** Customs party per office (UN/LOCODE). */
    customs: Readonly<Record<string, Role>>;
  }>;
  credit: (c: Cast, number: string, d: Dates) => Record<string, unknown>;
  creditNumber: string;
  bill: (c: Cast, creditNumber: string) => Record<string, unknown>;
  /** Milestones before the presentation (departure first), and the rest after payment. */
  before: readonly MilestoneStep[];
  after: readonly MilestoneStep[];
  invoice: (c: Cast, d: Dates) => Record<string, unknown>;
  /** The documents presented with the invoice; an insurance document carries its cover (UCP 28). */
  documents: (c: Cast, d: Dates) => readonly Record<string, unknown>[];
  importOffice: string;
  /**
   * What the import declaration adds to value the goods at the point of entry (`freightAfterEntry`, `costsToEntry`).
   */
  importValuation?: Readonly<Record<string, unknown>>;
}>;
