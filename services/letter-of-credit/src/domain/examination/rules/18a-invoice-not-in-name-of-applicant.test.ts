import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotInNameOfApplicant } from './18a-invoice-not-in-name-of-applicant.ts';

describe('INVOICE_NOT_IN_NAME_OF_APPLICANT', () => {
  it('complies for an invoice addressed to the applicant', () =>
    expect(invoiceNotInNameOfApplicant.check(inputA())).toBeUndefined());
  it('fires for an invoice addressed to a bank, naming it', () =>
    expect(invoiceNotInNameOfApplicant.check(inputA(withInvoice({ addressedTo: party.yzcb })))).toContain(party.yzcb));
  it('fires for an invoice addressed to the notify party of another credit', () =>
    expect(invoiceNotInNameOfApplicant.check(inputA(withInvoice({ addressedTo: party.ruhrort })))).toContain(
      party.rheinhafen,
    ));
  it('compares with the applicant in force after an amendment', () =>
    expect(
      invoiceNotInNameOfApplicant.check(
        inputA(withInvoice({ addressedTo: party.ruhrort }), { applicant: party.ruhrort }),
      ),
    ).toBeUndefined());
});
