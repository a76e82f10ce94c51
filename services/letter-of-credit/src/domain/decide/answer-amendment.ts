import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { AcceptAmendment, RejectAmendment } from '../commands.ts';
import type { State } from '../state.ts';
import { actsAs, creditNumberOf, isTerminal, onCredit, refusal } from './guards.ts';

/** UCP 10(c)/(e): the beneficiary accepts or rejects a proposed amendment as a whole (partial acceptance = rejection). */
const answer =
  (type: 'lc.amendment_accepted' | 'lc.amendment_rejected') =>
  (cmd: AcceptAmendment | RejectAmendment, state: State): Decision<LcEvent> =>
    onCredit(state, (credit) => {
      const notBeneficiary = actsAs(cmd.by, [credit.terms.beneficiary], 'beneficiary');
      if (notBeneficiary !== undefined) return refusal(notBeneficiary);
      const amendment = credit.amendments.find((a) => a.n === cmd.n);
      if (amendment === undefined) return reject('not_found', 'amendment-not-found', `no amendment ${cmd.n}`);
      if (amendment.status !== 'proposed')
        return reject('conflict', 'amendment-not-proposed', `amendment ${cmd.n} was already ${amendment.status}`);
      if (isTerminal(credit)) return reject('conflict', 'credit-terminal', `the credit is ${credit.status}`);
      const base = { ...creditNumberOf(credit), n: cmd.n };
      return type === 'lc.amendment_accepted'
        ? accept({ type, data: { ...base, acceptedBy: cmd.by.id } })
        : accept({ type, data: { ...base, rejectedBy: cmd.by.id } });
    });

export const acceptAmendment = answer('lc.amendment_accepted');
export const rejectAmendment = answer('lc.amendment_rejected');
