import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotInNameOfApplicant } from './18a-invoice-not-in-name-of-applicant.ts';

const addressedTo = (addressee: string, applicant?: string) =>
  inputA(withInvoice({ addressedTo: addressee }), applicant === undefined ? {} : { applicant });

describe('INVOICE_NOT_IN_NAME_OF_APPLICANT', () =>
  ruleCases(invoiceNotInNameOfApplicant, [
    ['complies for an invoice addressed to the applicant', inputA(), 'complies'],
    ['fires for an invoice addressed to a bank, naming it', addressedTo(party.yzcb), { contains: party.yzcb }],
    [
      'fires for an invoice addressed to the notify party of another credit',
      addressedTo(party.ruhrort),
      { contains: party.rheinhafen },
    ],
    ['compares with the applicant in force after an amendment', addressedTo(party.ruhrort, party.ruhrort), 'complies'],
  ]));
