import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA, billB, creditB } from '../../testing/shipments.ts';
import { transshipmentProhibited } from './19c-transshipment-prohibited.ts';

const prohibited = { transshipment: 'not_allowed' as const };

describe('TRANSSHIPMENT_PROHIBITED', () => {
  it('never fires when one bill covers the whole carriage, even rail+sea (docs/shipments.md (b))', () =>
    expect(
      transshipmentProhibited.check(
        inputA({ bill: billB }, { ...prohibited, placeOfFinalDestination: creditB.placeOfFinalDestination }),
      ),
    ).toBeUndefined());
  it('does not fire when transshipment is allowed', () =>
    expect(transshipmentProhibited.check(inputA())).toBeUndefined());
  it('fires when the bill covers only part of the carriage', () =>
    expect(
      transshipmentProhibited.check(
        inputA({ bill: { ...billA, legs: [{ sequence: 1, mode: 'rail', from: 'CNCQI', to: 'PLMAA' }] } }, prohibited),
      ),
    ).toBeDefined());
  it('fires when the legs do not chain', () =>
    expect(
      transshipmentProhibited.check(
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
      ),
    ).toBeDefined());
  it('cites art. 19 for a multimodal bill', () =>
    expect(typeof transshipmentProhibited.article === 'function' && transshipmentProhibited.article('19')).toBe(
      '19(b)/(c)',
    ));
});
