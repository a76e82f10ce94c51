import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { billSurrendered } from './14a-bill-surrendered.ts';
import { billNotIssued } from './19a-bill-not-issued.ts';
import { billVoid } from './19a-bill-void.ts';

const withStatus = (status: typeof billA.status) => inputA({ bill: { ...billA, status } });

describe('BILL_NOT_ISSUED, BILL_VOID, BILL_SURRENDERED', () => {
  it('comply for an issued bill', () => {
    expect(billNotIssued.check(inputA())).toBeUndefined();
    expect(billVoid.check(inputA())).toBeUndefined();
    expect(billSurrendered.check(inputA())).toBeUndefined();
  });
  it('fire for a submitted, void, surrendered or accomplished bill', () => {
    expect(billNotIssued.check(withStatus('submitted'))).toBeDefined();
    expect(billVoid.check(withStatus('void'))).toBeDefined();
    expect(billSurrendered.check(withStatus('surrendered'))).toBeDefined();
    expect(billSurrendered.check(withStatus('accomplished'))).toBeDefined();
  });
  it('cite art. 24 for an all-rail bill', () =>
    expect(typeof billNotIssued.article === 'function' && billNotIssued.article('24')).toBe('24(a)(i)'));
});
