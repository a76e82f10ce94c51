import { WAYBILL_TOPIC, type WaybillEvent } from '@railbill/contracts';
import { commitEvents, type Executor, loadDocument, type NewEvent, type Tx } from '@railbill/platform';
import { partiesOf } from '../domain/access.ts';
import type { Bill, State } from '../domain/state.ts';
import { initialState } from '../domain/state.ts';

export const WAYBILL_KIND = 'waybill';
export const WAYBILL_SOURCE = '/railbill/waybill';

export type LoadedBill = Readonly<{
  id: string;
  state: State;
  version: number;
  lastHash: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}>;

/** The bill's cached state, its version and the hash of its last event (the next entry's `prevHash`). */
export const loadBill = async (db: Executor, id: string): Promise<LoadedBill> => {
  const row = await loadDocument(db, id);
  if (row === undefined)
    return { id, state: initialState, version: 0, lastHash: null, createdAt: null, updatedAt: null };
  return {
    id,
    state: row.state as State,
    version: row.version,
    lastHash: row.lastHash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
};

const places = (bill: Bill): string[] => [
  ...new Set([
    bill.content.placeOfReceipt,
    bill.content.placeOfDelivery,
    ...bill.content.legs.flatMap((l) => [l.from, l.to, ...(l.borderCrossings ?? []).map((b) => b.station)]),
  ]),
];

export type BillCommit = Readonly<{
  loaded: LoadedBill;
  next: Bill;
  events: readonly (NewEvent & { type: WaybillEvent['type'] })[];
  traceparent?: string | undefined;
  at: string;
}>;

/** One statement in the caller's transaction: the document row (version-guarded), its events, their outbox rows
 * and the query index row. */
export const commitBill = async (tx: Tx, c: BillCommit): Promise<void> => {
  await commitEvents(tx, {
    documentId: c.loaded.id,
    kind: WAYBILL_KIND,
    expectedVersion: c.loaded.version,
    status: c.next.status,
    state: c.next,
    correlationId: c.loaded.id,
    events: c.events,
    topic: WAYBILL_TOPIC,
    source: WAYBILL_SOURCE,
    traceparent: c.traceparent,
    at: c.at,
    index: {
      table: 'waybill_index',
      key: 'waybill_id',
      row: {
        status: c.next.status,
        type: c.next.content.type,
        holder: c.next.holder ?? null,
        bill_number: c.next.billNumber ?? null,
        credit_number: c.next.content.creditNumber ?? null,
        parties: partiesOf(c.next),
        places: places(c.next),
        containers: c.next.content.goods.flatMap((g) => (g.containerNumber === undefined ? [] : [g.containerNumber])),
        updated_at: c.at,
      },
    },
  });
};
