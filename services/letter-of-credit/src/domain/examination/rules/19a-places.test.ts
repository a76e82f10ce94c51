import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { finalDestinationMismatch } from './19a-final-destination-mismatch.ts';
import { placeOfDispatchMismatch } from './19a-place-of-dispatch-mismatch.ts';

describe('PLACE_OF_DISPATCH_MISMATCH, FINAL_DESTINATION_MISMATCH', () => {
  it('comply when places match', () => {
    expect(placeOfDispatchMismatch.check(inputA())).toBeUndefined();
    expect(finalDestinationMismatch.check(inputA())).toBeUndefined();
  });
  it('treat the alias CNCKG as Chongqing (codes.md §1)', () =>
    expect(placeOfDispatchMismatch.check(inputA({ bill: { ...billA, placeOfReceipt: 'CNCKG' } }))).toBeUndefined());
  it('prefer the credit place of receipt over the place of dispatch', () =>
    expect(placeOfDispatchMismatch.check(inputA({}, { placeOfReceipt: 'CNCDU' }))).toContain('CNCDU'));
  it('fire for another place', () => {
    expect(placeOfDispatchMismatch.check(inputA({ bill: { ...billA, placeOfReceipt: 'CNCDU' } }))).toBeDefined();
    expect(finalDestinationMismatch.check(inputA({ bill: { ...billA, placeOfDelivery: 'DEHAM' } }))).toContain('DEHAM');
  });
});
