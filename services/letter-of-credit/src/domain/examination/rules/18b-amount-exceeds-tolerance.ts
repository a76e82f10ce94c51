import { addMoney, compareAmounts } from '@railbill/contracts';
import { maximumDrawing, sumAmounts } from '../../credit-terms.ts';
import type { Rule } from '../context.ts';

/** Fields 32B/39A; UCP 18(b), 30(a)/(b): this drawing and earlier ones stay within the amount plus tolerance. */
export const amountExceedsTolerance: Rule = {
  code: 'AMOUNT_EXCEEDS_TOLERANCE',
  article: '32B/39A; 18(b); 30(a)/(b)',
  check: ({ terms, presentation, earlier }) => {
    const invoiced = presentation.invoice.amount;
    if (invoiced.currency !== terms.amount.currency) return undefined;
    const drawn = addMoney(
      invoiced,
      sumAmounts(
        earlier.map((e) => e.amount),
        invoiced.currency,
      ),
    );
    const maximum = maximumDrawing(terms);
    return compareAmounts(drawn.amount, maximum.amount) > 0
      ? `drawings of ${drawn.currency} ${drawn.amount} exceed the credit's maximum of ${maximum.currency} ${maximum.amount}`
      : undefined;
  },
};
