import type { Rule } from './context.ts';

const preposition = { 'issued by': 'by', 'addressed to': 'to' } as const;

/**
 * UCP 18(a): the check that the invoice's `field` names the credit's `party` (the one in force after amendments); its
 * message reads "the invoice is <wording> X, not <by|to> the <party> Y".
 */
export const invoiceNames =
  (
    field: 'issuer' | 'addressedTo',
    party: 'beneficiary' | 'applicant',
    wording: keyof typeof preposition,
  ): Rule['check'] =>
  ({ terms, presentation }) =>
    presentation.invoice[field] === terms[party]
      ? undefined
      : `the invoice is ${wording} ${presentation.invoice[field]}, not ${preposition[wording]} the ${party} ${terms[party]}`;
