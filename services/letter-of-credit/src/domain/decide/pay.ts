import { accept, type Decision, type LcEvent, minMoney, reject } from '@railbill/contracts';
import type { Pay } from '../commands.ts';
import type { State } from '../state.ts';
import { bankActsOn, ofPresentation } from './guards.ts';
import { onRemaining } from './honour.ts';

/**
 * docs/contract.md §4: the issuing bank pays an honoured presentation, never above amount + tolerance over all drawings (UCP
 * 18(b)); the bank holding the bill then endorses it to the applicant (the waybill service consumes `lc.paid`).
 */
export const pay = (cmd: Pay, state: State): Decision<LcEvent> =>
  bankActsOn(
    state,
    cmd,
    { of: (credit) => [credit.terms.issuingBank], role: 'issuing bank' },
    { from: ['honoured'], code: 'not-honoured', refused: 'cannot be paid' },
    (credit, presentation) => {
      if (presentation.honouredAmount === null)
        return reject('conflict', 'not-honoured', `a ${presentation.status} presentation cannot be paid`);
      const { terms } = credit;
      const honouredAmount = presentation.honouredAmount;
      return onRemaining(credit, presentation, (remaining) =>
        accept({
          type: 'lc.paid',
          data: {
            ...ofPresentation(credit, presentation),
            waybillId: presentation.waybillId,
            amount: minMoney(honouredAmount, remaining),
            applicant: terms.applicant,
            bank: presentation.billHolder ?? terms.nominatedBank ?? terms.issuingBank,
            paidBy: cmd.by.id,
          },
        }),
      );
    },
  );
