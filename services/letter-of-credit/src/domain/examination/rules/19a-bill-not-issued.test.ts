import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { billNotIssued } from './19a-bill-not-issued.ts';

describe('BILL_NOT_ISSUED', () => {
  it('complies for an issued bill', () => expect(billNotIssued.check(inputA())).toBeUndefined());
  it('fires for a bill only submitted, not yet signed by the carrier', () =>
    expect(billNotIssued.check(inputA(withBill({ status: 'submitted' })))).toBeDefined());
  it('leaves a void bill to BILL_VOID and a spent one to BILL_SURRENDERED', () => {
    expect(billNotIssued.check(inputA(withBill({ status: 'void' })))).toBeUndefined();
    expect(billNotIssued.check(inputA(withBill({ status: 'surrendered' })))).toBeUndefined();
  });
  it('leaves an unknown bill to DOCUMENT_MISSING', () =>
    expect(billNotIssued.check(inputA({ bill: undefined }))).toBeUndefined());
  it('cites art. 24 for an all-rail bill and art. 19 for a multimodal one', () => {
    expect(typeof billNotIssued.article === 'function' && billNotIssued.article('24')).toBe('24(a)(i)');
    expect(typeof billNotIssued.article === 'function' && billNotIssued.article('19')).toBe('19(a)(i)');
  });
});
