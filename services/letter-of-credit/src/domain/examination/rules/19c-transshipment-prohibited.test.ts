import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billB, creditB } from '../../testing/shipments.ts';
import { transshipmentProhibited } from './19c-transshipment-prohibited.ts';

const prohibited = { transshipment: 'not_allowed' as const };

describe('TRANSSHIPMENT_PROHIBITED', () => {
  ruleCases(transshipmentProhibited, [
    [
      'never fires when one bill covers the whole carriage, even rail+sea (docs/shipments.md (b))',
      inputA({ bill: billB }, { ...prohibited, placeOfFinalDestination: creditB.placeOfFinalDestination }),
      'complies',
    ],
    ['does not fire when transshipment is allowed', inputA(), 'complies'],
    [
      'fires when the bill covers only part of the carriage',
      inputA(withBill({ legs: [{ sequence: 1, mode: 'rail', from: 'CNCQI', to: 'PLMAA' }] }), prohibited),
      'fires',
    ],
    [
      'fires when the legs do not chain',
      inputA(
        {
          bill: {
            ...billB,
            legs: [
              { sequence: 1, mode: 'rail', from: 'CNCQI', to: 'CNQZH' },
              { sequence: 2, mode: 'sea', from: 'CNHRS', to: 'DEDUI' },
            ],
          },
        },
        prohibited,
      ),
      'fires',
    ],
  ]);
  it('cites art. 19 for a multimodal bill', () =>
    expect(typeof transshipmentProhibited.article === 'function' && transshipmentProhibited.article('19')).toBe(
      '19(b)/(c)',
    ));
});
