import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billNotIssued } from './19a-bill-not-issued.ts';

describe('BILL_NOT_ISSUED', () => {
  ruleCases(billNotIssued, [
    ['complies for an issued bill', inputA(), 'complies'],
    [
      'fires for a bill only submitted, not yet signed by the carrier',
      inputA(withBill({ status: 'submitted' })),
      'fires',
    ],
    ['leaves a void bill to BILL_VOID', inputA(withBill({ status: 'void' })), 'complies'],
    ['leaves a spent bill to BILL_SURRENDERED', inputA(withBill({ status: 'surrendered' })), 'complies'],
    ['leaves an unknown bill to DOCUMENT_MISSING', inputA({ bill: undefined }), 'complies'],
  ]);
  it.each([
    ['24', '24(a)(i)'],
    ['19', '19(a)(i)'],
  ] as const)('cites art. %s for an all-rail bill (24) or a multimodal one (19)', (transport, article) =>
    expect(typeof billNotIssued.article === 'function' && billNotIssued.article(transport)).toBe(article),
  );
});
