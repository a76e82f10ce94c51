import type { Rule } from '../context.ts';

/** UCP 18(a)(ii): the invoice is made out in the name of the applicant. */
export const invoiceNotInNameOfApplicant: Rule = {
  code: 'INVOICE_NOT_IN_NAME_OF_APPLICANT',
  article: '18(a)(ii)',
  check: ({ terms, presentation }) =>
    presentation.invoice.addressedTo === terms.applicant
      ? undefined
      : `the invoice is addressed to ${presentation.invoice.addressedTo}, not to the applicant ${terms.applicant}`,
};
