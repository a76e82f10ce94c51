import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { ProposeAmendment } from '../commands.ts';
import { applyCreditChanges, rolesError, termsError } from '../credit-terms.ts';
import type { State } from '../state.ts';
import { actsAs, creditNumberOf, isTerminal, onCredit, refusal } from './guards.ts';

/** UCP 10: only the issuing bank amends; the amended terms must still be valid. `roles` covers named parties. */
export const proposeAmendment = (cmd: ProposeAmendment, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notIssuer = actsAs(cmd.by, [credit.terms.issuingBank], 'issuing bank');
    if (notIssuer !== undefined) return refusal(notIssuer);
    if (isTerminal(credit)) return reject('conflict', 'credit-terminal', `a ${credit.status} credit cannot be amended`);
    const changes = Object.fromEntries(Object.entries(cmd.changes).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) return reject('rule', 'empty-amendment', 'an amendment changes something');
    if (cmd.changes.amount !== undefined && cmd.changes.amount.currency !== credit.terms.amount.currency)
      return reject('rule', 'currency-change', 'an amendment cannot change the currency of the credit');
    const invalid =
      rolesError(cmd.changes, cmd.roles) ?? termsError(applyCreditChanges(credit.terms, cmd.changes), cmd.today);
    if (invalid !== undefined) return refusal(invalid);
    const n = credit.amendments.length + 1;
    const note = cmd.note === undefined ? {} : { note: cmd.note };
    return accept({
      type: 'lc.amendment_proposed',
      data: { ...creditNumberOf(credit), n, changes: cmd.changes, ...note, proposedBy: cmd.by.id },
    });
  });
