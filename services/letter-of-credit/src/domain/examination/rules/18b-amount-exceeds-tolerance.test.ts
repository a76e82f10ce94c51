import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { waybillIds } from '../../testing/shipments.ts';
import { amountExceedsTolerance } from './18b-amount-exceeds-tolerance.ts';

const invoiced = (amount: string) => inputA(withInvoice({ amount: { amount, currency: 'USD' } }));

describe('AMOUNT_EXCEEDS_TOLERANCE', () => {
  it('complies at the credit amount', () => expect(amountExceedsTolerance.check(inputA())).toBeUndefined());
  it('complies at exactly amount + 5 %: 1310400.00', () =>
    expect(amountExceedsTolerance.check(invoiced('1310400.00'))).toBeUndefined());
  it('fires one cent above', () =>
    expect(amountExceedsTolerance.check(invoiced('1310400.01'))).toContain('1310400.01'));
  it('counts earlier drawings', () =>
    expect(
      amountExceedsTolerance.check({
        ...invoiced('700000.00'),
        earlier: [{ waybillId: waybillIds.b, amount: { amount: '700000.00', currency: 'USD' } }],
      }),
    ).toContain('1400000.00'));
});
