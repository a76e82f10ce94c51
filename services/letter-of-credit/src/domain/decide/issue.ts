import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Issue } from '../commands.ts';
import { rolesError, termsError } from '../credit-terms.ts';
import type { State } from '../state.ts';
import { actsAs, refusal } from './guards.ts';

/** docs/contract.md §4/§8: the issuing bank issues, as itself, terms that are valid today. */
export const issue = (cmd: Issue, state: State): Decision<LcEvent> => {
  if (state.status !== 'initial') return reject('conflict', 'already-issued', 'the credit was already issued');
  const notIssuer = actsAs(cmd.by, [cmd.terms.issuingBank], 'issuing bank');
  if (notIssuer !== undefined) return refusal(notIssuer);
  const invalid = rolesError(cmd.terms, cmd.roles) ?? termsError(cmd.terms, cmd.today);
  if (invalid !== undefined) return refusal(invalid);
  return accept({
    type: 'lc.issued',
    data: { ...cmd.terms, creditNumber: cmd.terms.number, issuedBy: cmd.by.id, issuedOn: cmd.today },
  });
};
