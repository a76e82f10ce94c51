import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotInNameOfApplicant } from './18a-invoice-not-in-name-of-applicant.ts';

describe('INVOICE_NOT_IN_NAME_OF_APPLICANT', () =>
  ruleCases(invoiceNotInNameOfApplicant, [
    ['complies for an invoice addressed to the applicant', inputA(), 'complies'],
    [
      'fires for an invoice addressed to a bank, naming it',
      inputA(withInvoice({ addressedTo: party.yzcb })),
      { contains: party.yzcb },
    ],
    [
      'fires for an invoice addressed to the notify party of another credit',
      inputA(withInvoice({ addressedTo: party.ruhrort })),
      { contains: party.rheinhafen },
    ],
    [
      'compares with the applicant in force after an amendment',
      inputA(withInvoice({ addressedTo: party.ruhrort }), { applicant: party.ruhrort }),
      'complies',
    ],
  ]));
