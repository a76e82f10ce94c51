import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { placeOfDispatchMismatch } from './19a-place-of-dispatch-mismatch.ts';

describe('PLACE_OF_DISPATCH_MISMATCH', () => {
  it('complies when the bill’s place of receipt is the credit’s place of dispatch', () =>
    expect(placeOfDispatchMismatch.check(inputA())).toBeUndefined());
  it('fires for another place of receipt, naming both', () =>
    expect(placeOfDispatchMismatch.check(inputA(withBill({ placeOfReceipt: 'CNCDU' })))).toBe(
      "the bill's place of receipt CNCDU is not the credit's CNCQI",
    ));
  it('treats the alias CNCKG as Chongqing (docs/codes.md)', () =>
    expect(placeOfDispatchMismatch.check(inputA(withBill({ placeOfReceipt: 'CNCKG' })))).toBeUndefined());
  it('prefers the credit’s place of receipt over its place of dispatch', () => {
    expect(placeOfDispatchMismatch.check(inputA({}, { placeOfReceipt: 'CNCDU' }))).toContain('CNCDU');
    expect(
      placeOfDispatchMismatch.check(inputA(withBill({ placeOfReceipt: 'CNCDU' }), { placeOfReceipt: 'CNCDU' })),
    ).toBeUndefined();
  });
  it('ignores a bill not yet issued (BILL_NOT_ISSUED says so)', () =>
    expect(
      placeOfDispatchMismatch.check(inputA(withBill({ status: 'submitted', placeOfReceipt: 'CNCDU' }))),
    ).toBeUndefined());
});
