import {
  accept,
  compareAmounts,
  type Decision,
  type LcEvent,
  type Money,
  minMoney,
  reject,
  subtractMoney,
} from '@railbill/contracts';
import type { Honour } from '../commands.ts';
import { decidingBanks, maximumDrawing, sumAmounts } from '../credit-terms.ts';
import type { Credit, State } from '../state.ts';
import { actsAs, creditNumberOf, onCredit, onPresentation, refusal } from './guards.ts';

/** What is left to draw: the maximum (amount + tolerance) less what other presentations drew (UCP 18(b)). */
export const remainingDrawing = (credit: Credit, exceptPresentation: string): Money => {
  const max = maximumDrawing(credit.terms);
  const drawn = credit.presentations
    .filter((p) => p.id !== exceptPresentation)
    .flatMap((p) => p.paidAmount ?? p.honouredAmount ?? []);
  return subtractMoney(max, sumAmounts(drawn, max.currency));
};

/**
 * UCP 15, 16(b): a bank of the credit honours a complying (or waived) presentation, for the invoice amount but never
 * above what the credit still allows (18(b): the excess is not paid under the credit).
 */
export const honour = (cmd: Honour, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notBank = actsAs(cmd.by, decidingBanks(credit.terms), 'issuing or nominated bank');
    if (notBank !== undefined) return refusal(notBank);
    return onPresentation(credit, cmd.presentationId, (presentation) => {
      if (presentation.status !== 'complying' && presentation.status !== 'waived')
        return reject('conflict', 'not-honourable', `a ${presentation.status} presentation cannot be honoured`);
      if (presentation.invoice.amount.currency !== credit.terms.amount.currency)
        return reject('rule', 'currency-mismatch', 'the invoice is not in the currency of the credit');
      const remaining = remainingDrawing(credit, presentation.id);
      if (compareAmounts(remaining.amount, '0') <= 0)
        return reject('rule', 'credit-exhausted', 'the credit has been drawn in full');
      return accept({
        type: 'lc.honoured',
        data: {
          ...creditNumberOf(credit),
          presentationId: presentation.id,
          amount: minMoney(presentation.invoice.amount, remaining),
          by: cmd.by.id,
        },
      });
    });
  });
