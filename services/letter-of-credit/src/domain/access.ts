import type { Actor } from './commands.ts';
import type { State } from './state.ts';

/** Every party named on the credit: banks, applicant, beneficiary (docs/contract.md §2: who may read it). */
export const partiesOf = (state: State): readonly string[] => {
  if (state.status === 'initial') return [];
  const { terms } = state;
  const named = [terms.issuingBank, terms.advisingBank, terms.nominatedBank, terms.applicant, terms.beneficiary];
  return [...new Set(named.filter((p): p is string => p !== undefined))];
};

/** docs/contract.md §2: operators read all; anyone else only a credit it is named on. A missing credit is seen by no one. */
export const canSee = (party: Actor, state: State): boolean =>
  state.status !== 'initial' && (party.role === 'operator' || partiesOf(state).includes(party.id));
