import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { finalDestinationMismatch } from './19a-final-destination-mismatch.ts';

const deliveringToHamburg = withBill({ placeOfDelivery: 'DEHAM' });

describe('FINAL_DESTINATION_MISMATCH', () => {
  ruleCases(finalDestinationMismatch, [
    ['complies when the bill’s place of delivery is the credit’s final destination', inputA(), 'complies'],
    [
      'fires for another place of delivery, naming both',
      inputA(deliveringToHamburg),
      { is: "the bill's place of delivery DEHAM is not the credit's DEDUI" },
    ],
    [
      'compares with the final destination in force after an amendment',
      inputA(deliveringToHamburg, { placeOfFinalDestination: 'DEHAM' }),
      'complies',
    ],
    [
      'ignores a void bill (BILL_VOID says so)',
      inputA(withBill({ status: 'void', placeOfDelivery: 'DEHAM' })),
      'complies',
    ],
  ]);
  it('cites art. 19 for a multimodal bill', () =>
    expect(typeof finalDestinationMismatch.article === 'function' && finalDestinationMismatch.article('19')).toBe(
      '19(a)(iii)',
    ));
});
