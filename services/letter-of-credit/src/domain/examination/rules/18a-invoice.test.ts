import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { party } from '../../testing/shipments.ts';
import { currencyMismatch } from './18a-currency-mismatch.ts';
import { invoiceNotByBeneficiary } from './18a-invoice-not-by-beneficiary.ts';
import { invoiceNotInNameOfApplicant } from './18a-invoice-not-in-name-of-applicant.ts';

describe('CURRENCY_MISMATCH, INVOICE_NOT_BY_BENEFICIARY, INVOICE_NOT_IN_NAME_OF_APPLICANT', () => {
  it('comply for the sample invoice', () => {
    expect(currencyMismatch.check(inputA())).toBeUndefined();
    expect(invoiceNotByBeneficiary.check(inputA())).toBeUndefined();
    expect(invoiceNotInNameOfApplicant.check(inputA())).toBeUndefined();
  });
  it('fire for another currency, issuer or addressee', () => {
    expect(
      currencyMismatch.check(inputA(withInvoice({ amount: { amount: '1248000.00', currency: 'EUR' } }))),
    ).toBeDefined();
    expect(invoiceNotByBeneficiary.check(inputA(withInvoice({ issuer: party.silkrail })))).toContain(party.silkrail);
    expect(invoiceNotInNameOfApplicant.check(inputA(withInvoice({ addressedTo: party.yzcb })))).toContain(party.yzcb);
  });
});
