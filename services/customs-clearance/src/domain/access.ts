import { type Locode, type PartyId, samePlace } from '@railbill/contracts';
import type { Actor } from './commands.ts';
import type { Declaration, State } from './state.ts';

/** Whether a customs party serves `office` (its `offices` in the parties file; aliases compare equal). */
export const servesOffice = (party: Actor, office: Locode | undefined): boolean =>
  party.role === 'customs' && office !== undefined && (party.offices ?? []).some((o) => samePlace(o, office));

/** The traders on the declaration and the parties named on its bill. */
export const partiesOf = (d: Declaration): PartyId[] => {
  const traders = [d.declarant, d.exporter, d.importer].flatMap((t) => (t === undefined ? [] : [t.id]));
  return [...new Set([...traders, ...d.billParties])];
};

/**
 * docs/contract.md §5: operators read all; customs serving the bill's current place of delivery sees its transit (after a change
 * of destination, docs/title.md); customs at the declaration's office (or, for a transit, its office of destination);
 * its declarant, exporter, importer; the parties named on the bill. A missing declaration is seen by no one (404).
 */
export const canSee = (party: Actor, state: State, billPlaceOfDelivery?: Locode): boolean => {
  if (state.status === 'initial') return false;
  if (party.role === 'operator') return true;
  if (party.role === 'customs')
    return (
      servesOffice(party, state.office) ||
      servesOffice(party, state.destinationOffice) ||
      (state.type === 'transit' && servesOffice(party, billPlaceOfDelivery))
    );
  return partiesOf(state).includes(party.id);
};
