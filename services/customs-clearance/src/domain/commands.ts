import type {
  Actor as BaseActor,
  DecisionOutcome,
  DeclarationType,
  ImportGoodsInput,
  Instant,
  Locode,
  Money,
  PartyId,
  PaymentMethod,
} from '@railbill/contracts';
import type { BillFacts } from './bill-facts.ts';

/** The authenticated party acting; `offices` are the UN/LOCODEs a customs party serves (parties file). */
export type Actor = BaseActor & Readonly<{ offices?: readonly Locode[] | undefined }>;

/** AEO status of the bill's parties, looked up by the caller in the parties file; absent = not AEO. */
export type AeoFlags = Readonly<Record<PartyId, boolean | undefined>>;

/**
 * `declarationId` is minted by the caller (for transit derived from waybill, leg and station: see decide.ts).
 * `shipperCountry`: the bill's shipper's `country` in the parties file, the goods' default origin (docs/contract.md
 * §8).
 */
type Base = Readonly<{ declarationId: string; at: Instant; shipperCountry?: string | undefined }>;

/** On `waybill.issued`: the service lodges the export at the place of receipt. `by` names the lodging service. */
export type LodgeExport = Base & Readonly<{ type: 'lodgeExport'; by: PartyId; bill: BillFacts; aeo: AeoFlags }>;

/** On `border_crossed` at `station` on leg `leg` into the territory of the place of delivery. */
export type OpenTransit = Base &
  Readonly<{ type: 'openTransit'; by: PartyId; bill: BillFacts; leg: number; station: Locode; aeo: AeoFlags }>;

/** The other declarations already on the bill (the caller's query), to refuse a second live import. */
export type SiblingDeclaration = Readonly<{ type: DeclarationType; status: string }>;

/** `POST /declarations` by the consignee; `bill` is undefined when customs has seen no such waybill. */
export type LodgeImport = Base &
  Readonly<{
    type: 'lodgeImport';
    by: Actor;
    bill: BillFacts | undefined;
    office?: Locode | undefined;
    goods?: readonly ImportGoodsInput[] | undefined;
    costsToEntry?: Money | undefined;
    freightAfterEntry?: Money | undefined;
    aeo: AeoFlags;
    siblings: readonly SiblingDeclaration[];
  }>;

/** `POST /declarations/{id}/decision`; `item` is the 1-based goods item `observedMassKg` was weighed on. */
export type RecordDecision = Base &
  Readonly<{
    type: 'recordDecision';
    by: Actor;
    outcome: DecisionOutcome;
    reason: string;
    observedMassKg?: string | undefined;
    item?: number | undefined;
  }>;

/** `POST /declarations/{id}/discharge`: ends a transit at its office of destination. */
/** `billPlaceOfDelivery`: the bill's current place of delivery, where the transit now ends (docs/title.md). */
export type Discharge = Base & Readonly<{ type: 'discharge'; by: Actor; billPlaceOfDelivery?: Locode | undefined }>;

/** `POST /declarations/{id}/payment`: the importer paid or guaranteed duty and VAT. */
export type PayDuties = Base & Readonly<{ type: 'payDuties'; by: Actor; method: PaymentMethod; reference: string }>;

export type LodgeCommand = LodgeExport | OpenTransit | LodgeImport;
export type Command = LodgeCommand | RecordDecision | Discharge | PayDuties;
