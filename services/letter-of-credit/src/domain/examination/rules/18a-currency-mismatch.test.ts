import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { currencyMismatch } from './18a-currency-mismatch.ts';

describe('CURRENCY_MISMATCH', () =>
  ruleCases(currencyMismatch, [
    ['complies for an invoice in the credit currency', inputA(), 'complies'],
    [
      'fires for an invoice in another currency, naming both',
      inputA(withInvoice({ amount: { amount: '1248000.00', currency: 'EUR' } })),
      { is: 'the invoice is in EUR, the credit in USD' },
    ],
    [
      'complies for any amount in the credit currency (the amount is 18(b)’s concern)',
      inputA(withInvoice({ amount: { amount: '9999999.99', currency: 'USD' } })),
      'complies',
    ],
    [
      'compares with the currency in force after an amendment',
      inputA({}, { amount: { amount: '1248000.00', currency: 'EUR' } }),
      { contains: 'the credit in EUR' },
    ],
  ]));
