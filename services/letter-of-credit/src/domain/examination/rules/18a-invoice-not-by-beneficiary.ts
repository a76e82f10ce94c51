import type { Rule } from '../context.ts';
import { invoiceNames } from '../invoice-party.ts';

/** UCP 18(a)(i): the invoice appears issued by the beneficiary (transfer, art. 38, is not modelled). */
export const invoiceNotByBeneficiary: Rule = {
  code: 'INVOICE_NOT_BY_BENEFICIARY',
  article: '18(a)(i)',
  check: invoiceNames('issuer', 'beneficiary', 'issued by'),
};
