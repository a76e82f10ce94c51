import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billVoid } from './19a-bill-void.ts';

describe('BILL_VOID', () => {
  ruleCases(billVoid, [
    ['complies for an issued bill', inputA(), 'complies'],
    ['fires for a bill cancelled before issue', inputA(withBill({ status: 'void' })), { is: 'the bill is void' }],
    ['leaves a submitted bill to BILL_NOT_ISSUED', inputA(withBill({ status: 'submitted' })), 'complies'],
    ['leaves a spent bill to BILL_SURRENDERED', inputA(withBill({ status: 'accomplished' })), 'complies'],
    ['leaves an unknown bill to DOCUMENT_MISSING', inputA({ bill: undefined }), 'complies'],
  ]);
  it('cites the transport article that fits the bill', () =>
    expect(typeof billVoid.article === 'function' && billVoid.article('19')).toBe('19(a)(i)'));
});
