import type { PartyId, WaybillChanges } from '@railbill/contracts';
import type { Actor } from './commands.ts';
import type { Bill, State } from './state.ts';

/** Every party a bill's content (or an amendment's changes) names, in any role. */
export const namedIn = (content: WaybillChanges): PartyId[] =>
  [
    content.shipper,
    content.consignee,
    content.toOrderOf,
    content.notifyParty,
    content.carrier,
    ...(content.legs ?? []).map((leg) => leg.carrier),
  ].filter((p): p is PartyId => p !== undefined);

/** Every party named on the bill, holding it, or in its endorsement chain (docs/contract.md §2: who may read it). */
export const partiesOf = (bill: Bill): PartyId[] => {
  const named = [
    ...namedIn(bill.content),
    bill.holder,
    ...bill.endorsements.flatMap((e) => [e.from, e.to]),
    bill.surrenderedBy,
    bill.deliveredTo,
  ];
  return [...new Set(named.filter((p): p is PartyId => p !== undefined))];
};

/** docs/contract.md §2: operators read all; anyone else only a bill they are on. A missing bill is seen by no one (404). */
export const canSee = (party: Actor, state: State): boolean => {
  if (state.status === 'initial') return false;
  return party.role === 'operator' || partiesOf(state).includes(party.id);
};
