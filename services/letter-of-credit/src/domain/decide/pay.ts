import { accept, compareAmounts, type Decision, type LcEvent, minMoney, reject } from '@railbill/contracts';
import type { Pay } from '../commands.ts';
import type { State } from '../state.ts';
import { bankActsOn, creditNumberOf } from './guards.ts';
import { remainingDrawing } from './honour.ts';

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
      const remaining = remainingDrawing(credit, presentation.id);
      if (compareAmounts(remaining.amount, '0') <= 0)
        return reject('rule', 'credit-exhausted', 'the credit has been drawn in full');
      const { terms } = credit;
      return accept({
        type: 'lc.paid',
        data: {
          ...creditNumberOf(credit),
          presentationId: presentation.id,
          waybillId: presentation.waybillId,
          amount: minMoney(presentation.honouredAmount, remaining),
          applicant: terms.applicant,
          bank: presentation.billHolder ?? terms.nominatedBank ?? terms.issuingBank,
          paidBy: cmd.by.id,
        },
      });
    },
  );
