import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billSurrendered } from './14a-bill-surrendered.ts';

describe('BILL_SURRENDERED', () => {
  ruleCases(billSurrendered, [
    ['complies for an issued bill', inputA(), 'complies'],
    ['fires for a surrendered bill', inputA(withBill({ status: 'surrendered' })), { contains: 'surrendered' }],
    [
      'fires for an accomplished bill (delivered: spent for good)',
      inputA(withBill({ status: 'accomplished', holder: null })),
      { contains: 'accomplished' },
    ],
    ['leaves a submitted bill to its own code', inputA(withBill({ status: 'submitted' })), 'complies'],
    ['leaves a void bill to its own code', inputA(withBill({ status: 'void' })), 'complies'],
    ['leaves an unknown bill to DOCUMENT_MISSING', inputA({ bill: undefined }), 'complies'],
  ]);
  it('cites art. 14(a) and title, whatever the transport article', () =>
    expect(billSurrendered.article).toBe('14(a); title'));
});
