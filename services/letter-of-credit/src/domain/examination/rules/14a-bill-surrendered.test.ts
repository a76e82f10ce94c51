import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { billSurrendered } from './14a-bill-surrendered.ts';

describe('BILL_SURRENDERED', () => {
  it('complies for an issued bill', () => expect(billSurrendered.check(inputA())).toBeUndefined());
  it('fires for a surrendered bill', () =>
    expect(billSurrendered.check(inputA(withBill({ status: 'surrendered' })))).toContain('surrendered'));
  it('fires for an accomplished bill (delivered: spent for good)', () =>
    expect(billSurrendered.check(inputA(withBill({ status: 'accomplished', holder: null })))).toContain(
      'accomplished',
    ));
  it('leaves a submitted or void bill to their own codes', () => {
    expect(billSurrendered.check(inputA(withBill({ status: 'submitted' })))).toBeUndefined();
    expect(billSurrendered.check(inputA(withBill({ status: 'void' })))).toBeUndefined();
  });
  it('leaves an unknown bill to DOCUMENT_MISSING', () =>
    expect(billSurrendered.check(inputA({ bill: undefined }))).toBeUndefined());
  it('cites art. 14(a) and title, whatever the transport article', () =>
    expect(billSurrendered.article).toBe('14(a); title'));
});
