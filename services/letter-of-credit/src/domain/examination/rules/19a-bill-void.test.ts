import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { billVoid } from './19a-bill-void.ts';

describe('BILL_VOID', () => {
  it('complies for an issued bill', () => expect(billVoid.check(inputA())).toBeUndefined());
  it('fires for a bill cancelled before issue', () =>
    expect(billVoid.check(inputA(withBill({ status: 'void' })))).toBe('the bill is void'));
  it('leaves a submitted bill to BILL_NOT_ISSUED and a spent one to BILL_SURRENDERED', () => {
    expect(billVoid.check(inputA(withBill({ status: 'submitted' })))).toBeUndefined();
    expect(billVoid.check(inputA(withBill({ status: 'accomplished' })))).toBeUndefined();
  });
  it('leaves an unknown bill to DOCUMENT_MISSING', () =>
    expect(billVoid.check(inputA({ bill: undefined }))).toBeUndefined());
  it('cites the transport article that fits the bill', () =>
    expect(typeof billVoid.article === 'function' && billVoid.article('19')).toBe('19(a)(i)'));
});
