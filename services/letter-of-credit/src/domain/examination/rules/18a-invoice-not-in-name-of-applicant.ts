import type { Rule } from '../context.ts';
import { invoiceNames } from '../invoice-party.ts';

/** UCP 18(a)(ii): the invoice is made out in the name of the applicant. */
export const invoiceNotInNameOfApplicant: Rule = {
  code: 'INVOICE_NOT_IN_NAME_OF_APPLICANT',
  article: '18(a)(ii)',
  check: invoiceNames('addressedTo', 'applicant', 'addressed to'),
};
