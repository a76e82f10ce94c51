import type { Rule } from '../context.ts';

/** UCP 18(a)(i): the invoice appears issued by the beneficiary (transfer, art. 38, is not modelled). */
export const invoiceNotByBeneficiary: Rule = {
  code: 'INVOICE_NOT_BY_BENEFICIARY',
  article: '18(a)(i)',
  check: ({ terms, presentation }) =>
    presentation.invoice.issuer === terms.beneficiary
      ? undefined
      : `the invoice is issued by ${presentation.invoice.issuer}, not by the beneficiary ${terms.beneficiary}`,
};
