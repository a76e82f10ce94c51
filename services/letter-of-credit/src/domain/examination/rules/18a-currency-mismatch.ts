import type { Rule } from '../context.ts';

/** UCP 18(a)(iii): the invoice is made out in the currency of the credit. */
export const currencyMismatch: Rule = {
  code: 'CURRENCY_MISMATCH',
  article: '18(a)(iii)',
  check: ({ terms, presentation }) =>
    presentation.invoice.amount.currency === terms.amount.currency
      ? undefined
      : `the invoice is in ${presentation.invoice.amount.currency}, the credit in ${terms.amount.currency}`,
};
