import { WAYBILL_TOPIC, type WaybillEvent } from '@railbill/contracts';
import { type DocumentCommit, documentStore, indexRowOf, type StoredDocument } from '@railbill/platform';
import { partiesOf } from '../domain/access.ts';
import type { Command } from '../domain/commands.ts';
import { type Bill, initialState, type State } from '../domain/state.ts';
import { waybillIndex } from './schema.ts';

export const WAYBILL_KIND = 'waybill';
export const WAYBILL_SOURCE = '/railbill/waybill';

export type LoadedBill = StoredDocument<State>;

const places = (bill: Bill): string[] => [
  ...new Set([
    bill.content.placeOfReceipt,
    bill.content.placeOfDelivery,
    ...bill.content.legs.flatMap((l) => [l.from, l.to, ...(l.borderCrossings ?? []).map((b) => b.station)]),
  ]),
];

type BillCommit = DocumentCommit<Bill, Command, WaybillEvent, LoadedBill>;

/** The bill's query index row (store/schema.ts): what the list endpoint filters on. */
const indexRow = (c: BillCommit) =>
  indexRowOf(waybillIndex, 'waybillId', {
    status: c.next.status,
    type: c.next.content.type,
    holder: c.next.holder ?? null,
    billNumber: c.next.billNumber ?? null,
    creditNumber: c.next.content.creditNumber ?? null,
    parties: partiesOf(c.next),
    places: places(c.next),
    containers: c.next.content.goods.flatMap((g) => (g.containerNumber === undefined ? [] : [g.containerNumber])),
    updatedAt: c.at,
  });

/** The bill's row, its events, their outbox rows and its index row, in one statement (docs/architecture.md §2). */
export const billStore = documentStore<State, Bill, Command, WaybillEvent>({
  kind: WAYBILL_KIND,
  topic: WAYBILL_TOPIC,
  source: WAYBILL_SOURCE,
  initialState,
  index: indexRow,
});

export const loadBill = billStore.load;
