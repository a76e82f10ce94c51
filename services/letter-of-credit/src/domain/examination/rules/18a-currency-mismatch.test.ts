import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { currencyMismatch } from './18a-currency-mismatch.ts';

describe('CURRENCY_MISMATCH', () => {
  it('complies for an invoice in the credit currency', () => expect(currencyMismatch.check(inputA())).toBeUndefined());
  it('fires for an invoice in another currency, naming both', () =>
    expect(currencyMismatch.check(inputA(withInvoice({ amount: { amount: '1248000.00', currency: 'EUR' } })))).toBe(
      'the invoice is in EUR, the credit in USD',
    ));
  it('complies for any amount in the credit currency (the amount is 18(b)’s concern)', () =>
    expect(
      currencyMismatch.check(inputA(withInvoice({ amount: { amount: '9999999.99', currency: 'USD' } }))),
    ).toBeUndefined());
  it('compares with the currency in force after an amendment', () =>
    expect(currencyMismatch.check(inputA({}, { amount: { amount: '1248000.00', currency: 'EUR' } }))).toContain(
      'the credit in EUR',
    ));
});
