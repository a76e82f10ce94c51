import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { finalDestinationMismatch } from './19a-final-destination-mismatch.ts';

describe('FINAL_DESTINATION_MISMATCH', () => {
  it('complies when the bill’s place of delivery is the credit’s final destination', () =>
    expect(finalDestinationMismatch.check(inputA())).toBeUndefined());
  it('fires for another place of delivery, naming both', () =>
    expect(finalDestinationMismatch.check(inputA(withBill({ placeOfDelivery: 'DEHAM' })))).toBe(
      "the bill's place of delivery DEHAM is not the credit's DEDUI",
    ));
  it('compares with the final destination in force after an amendment', () =>
    expect(
      finalDestinationMismatch.check(
        inputA(withBill({ placeOfDelivery: 'DEHAM' }), { placeOfFinalDestination: 'DEHAM' }),
      ),
    ).toBeUndefined());
  it('ignores a void bill (BILL_VOID says so)', () =>
    expect(
      finalDestinationMismatch.check(inputA(withBill({ status: 'void', placeOfDelivery: 'DEHAM' }))),
    ).toBeUndefined());
  it('cites art. 19 for a multimodal bill', () =>
    expect(typeof finalDestinationMismatch.article === 'function' && finalDestinationMismatch.article('19')).toBe(
      '19(a)(iii)',
    ));
});
