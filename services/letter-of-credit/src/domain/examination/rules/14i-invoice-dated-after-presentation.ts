import { compareDates } from '@railbill/contracts';
import type { Rule } from '../context.ts';

/** UCP 14(i): a document may pre-date the credit but not post-date its presentation. */
export const invoiceDatedAfterPresentation: Rule = {
  code: 'INVOICE_DATED_AFTER_PRESENTATION',
  article: '14(i)',
  check: ({ presentation, presentedOn }) =>
    compareDates(presentation.invoice.date, presentedOn) > 0
      ? `the invoice is dated ${presentation.invoice.date}, after the presentation on ${presentedOn}`
      : undefined,
};
