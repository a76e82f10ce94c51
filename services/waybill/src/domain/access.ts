import type { PartyId } from '@railbill/contracts';
import type { Actor } from './commands.ts';
import type { Bill, State } from './state.ts';

/** Every party named on the bill, holding it, or in its endorsement chain (SPEC §2: who may read it). */
export const partiesOf = (bill: Bill): PartyId[] => {
  const { content } = bill;
  const named = [
    content.shipper,
    content.consignee,
    content.toOrderOf,
    content.notifyParty,
    content.carrier,
    ...content.legs.map((leg) => leg.carrier),
    bill.holder,
    ...bill.endorsements.flatMap((e) => [e.from, e.to]),
    bill.surrenderedBy,
    bill.deliveredTo,
  ];
  return [...new Set(named.filter((p): p is PartyId => p !== undefined))];
};

/** SPEC §2: operators read all; anyone else only a bill they are on. A missing bill is seen by no one (404). */
export const canSee = (party: Actor, state: State): boolean => {
  if (state.status === 'initial') return false;
  return party.role === 'operator' || partiesOf(state).includes(party.id);
};
