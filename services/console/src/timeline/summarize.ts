import { type BillSummary, isCustomsEvent, isLcEvent, isWaybillEvent } from '@railbill/contracts';
import { foldDeclaration } from './customs.ts';
import { foldCredit } from './lc.ts';
import type { FoldState, Milestone, Position, ShipmentSummary, TimelineEvent } from './shipment-summary.ts';
import { foldWaybill } from './waybill.ts';

export type { ShipmentSummary, TimelineEvent } from './shipment-summary.ts';

const legStatus = (milestones: readonly Milestone[]): string => milestones.at(-1)?.event ?? 'planned';

const positionOf = (bill: BillSummary | undefined, milestones: Map<number, Milestone[]>): Position | null => {
  let last: (Milestone & { leg: number }) | undefined;
  for (const [leg, list] of milestones)
    for (const m of list) if (last === undefined || m.at >= last.at) last = { ...m, leg };
  if (last !== undefined)
    return { location: last.location, event: last.event, at: last.at, leg: last.leg, name: last.name };
  const from = bill?.content.placeOfReceipt;
  return from === undefined ? null : { location: from, event: 'not departed', at: null, leg: null };
};

/** The bill's part of the summary: the public fold, with the surrendering holder shown on a surrendered bill. */
const billPart = (bill: BillSummary | undefined, st: FoldState) => ({
  waybillId: bill?.waybillId ?? null,
  billNumber: bill?.billNumber ?? null,
  type: bill?.content.type ?? null,
  status: bill?.status ?? null,
  content: bill?.content ?? null,
  holder: bill?.status === 'surrendered' ? (st.holders.at(-1)?.holder ?? null) : (bill?.holder ?? null),
  orderOf: bill?.orderOf ?? null,
  pledge: bill?.pledge ?? null,
});

/** Folds a shipment's events (time order) into the operators' summary: bill, legs, title, customs, credits. */
export const summarize = (events: readonly TimelineEvent[]): ShipmentSummary => {
  const st: FoldState = {
    bill: undefined,
    holders: [],
    instructions: [],
    stopped: false,
    milestones: new Map(),
    declarations: new Map(),
    credits: new Map(),
  };
  for (const e of events) {
    if (isWaybillEvent(e)) foldWaybill(st, e);
    else if (isLcEvent(e)) foldCredit(st, e);
    else if (isCustomsEvent(e)) foldDeclaration(st, e);
  }
  const { bill } = st;
  return {
    ...billPart(bill, st),
    stopped: st.stopped,
    instructions: st.instructions,
    legs: (bill?.content.legs ?? []).map((leg) => {
      const list = st.milestones.get(leg.sequence) ?? [];
      return { ...leg, status: legStatus(list), milestones: list };
    }),
    position: positionOf(bill, st.milestones),
    holders: st.holders,
    declarations: [...st.declarations.values()],
    credits: [...st.credits.values()],
  };
};
