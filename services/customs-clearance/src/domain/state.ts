import {
  assertNever,
  type Channel,
  type CustomsEvent,
  type DeclarationStatus,
  type DeclarationType,
  type DutiesView,
  type GoodsItem,
  type Instant,
  type Locode,
  type PartyId,
  type Trader,
} from '@railbill/contracts';

/** An officer's act on the declaration, kept for the record (who, what, why, when). */
export type OfficerAct = Readonly<{
  /** `release_decided`: an officer's release that waits for the duties (docs/contract.md §5). */
  act: 'inspection_ordered' | 'release_decided' | 'released' | 'held' | 'rejected' | 'discharged';
  by: PartyId;
  reason?: string;
  at: Instant;
}>;

/**
 * A declaration once lodged. Only JSON values (docs/architecture.md §3 Events). The declaration id is the stream's id, not here.
 */
export type Declaration = Readonly<{
  status: DeclarationStatus;
  /** Number of events applied (docs/contract.md §8 `version`). */
  version: number;
  type: DeclarationType;
  waybillId: string;
  office: Locode;
  destinationOffice?: Locode;
  goods: readonly GoodsItem[];
  declarant: Trader;
  exporter?: Trader;
  importer?: Trader;
  billNumber?: string;
  billParties: readonly PartyId[];
  lodgedBy: PartyId;
  channel: Channel | null;
  riskReasons: readonly string[];
  score: number | null;
  inspectionOrdered: boolean;
  observedMassKg?: string;
  observedItem?: number;
  duties?: DutiesView;
  acts: readonly OfficerAct[];
  createdAt: Instant;
  updatedAt: Instant;
}>;

export type State = Readonly<{ status: 'initial' }> | Declaration;

export const initialState: State = { status: 'initial' };

type Lodged = Extract<CustomsEvent, { type: 'customs.lodged' }>['data'];

const lodgedDeclaration = (data: Lodged): Declaration => {
  const { waybillId, declarationType, office, status, at, goods, declarant, billParties, lodgedBy } = data;
  const { exporter, importer, destinationOffice, billNumber } = data;
  return {
    status,
    version: 1,
    type: declarationType,
    waybillId,
    office,
    ...(destinationOffice === undefined ? {} : { destinationOffice }),
    goods,
    declarant,
    ...(exporter === undefined ? {} : { exporter }),
    ...(importer === undefined ? {} : { importer }),
    ...(billNumber === undefined ? {} : { billNumber }),
    billParties,
    lodgedBy,
    channel: null,
    riskReasons: [],
    score: null,
    inspectionOrdered: false,
    acts: [],
    createdAt: at,
    updatedAt: at,
  };
};

const withAct = (
  d: Declaration,
  act: OfficerAct['act'],
  data: { by: PartyId; reason: string; at: Instant },
): Declaration => ({
  ...d,
  acts: [...d.acts, { act, by: data.by, reason: data.reason, at: data.at }],
});

const evolveDeclaration = (declaration: Declaration, event: CustomsEvent): Declaration => {
  const d: Declaration = {
    ...declaration,
    version: declaration.version + 1,
    status: event.data.status,
    updatedAt: event.data.at,
  };
  switch (event.type) {
    case 'customs.lodged':
      return d;
    case 'customs.accepted': {
      const { by, reason, at } = event.data;
      return by === undefined ? d : withAct(d, 'release_decided', { by, reason: reason ?? '', at });
    }
    case 'customs.duties_assessed': {
      const { duty, vat, lines } = event.data;
      return { ...d, duties: { status: 'assessed', duty, vat, lines } };
    }
    case 'customs.duties_paid': {
      const { by, method, reference, at } = event.data;
      if (d.duties === undefined) return d;
      const status = method === 'paid' ? 'paid' : 'guaranteed';
      return { ...d, duties: { ...d.duties, status, payment: { method, reference, by, at } } };
    }
    case 'customs.risk_assessed': {
      const { channel, riskReasons, score, observedMassKg, observedItem } = event.data;
      const observed =
        observedMassKg === undefined ? {} : { observedMassKg, ...(observedItem === undefined ? {} : { observedItem }) };
      return { ...d, channel, riskReasons, score, ...observed };
    }
    case 'customs.inspection_ordered':
      return { ...withAct(d, 'inspection_ordered', event.data), channel: 'red', inspectionOrdered: true };
    case 'customs.released': {
      const { by, reason, at } = event.data;
      return by === undefined ? d : withAct(d, 'released', { by, reason, at });
    }
    case 'customs.held':
      return withAct(d, 'held', event.data);
    case 'customs.rejected':
      return withAct(d, 'rejected', event.data);
    case 'customs.discharged':
      return { ...d, acts: [...d.acts, { act: 'discharged', by: event.data.by, at: event.data.at }] };
    default:
      return assertNever(event);
  }
};

/** Applies one event; never validates (that is `decide`'s job). An event before `customs.lodged` changes nothing. */
export const evolve = (state: State, event: CustomsEvent): State => {
  if (state.status === 'initial') return event.type === 'customs.lodged' ? lodgedDeclaration(event.data) : state;
  return evolveDeclaration(state, event);
};

export const foldEvents = (events: readonly CustomsEvent[]): State => events.reduce(evolve, initialState);
