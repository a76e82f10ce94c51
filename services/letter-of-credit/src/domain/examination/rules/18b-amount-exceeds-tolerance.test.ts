import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { waybillIds } from '../../testing/shipments.ts';
import { amountExceedsTolerance } from './18b-amount-exceeds-tolerance.ts';

const invoiced = (amount: string) => inputA(withInvoice({ amount: { amount, currency: 'USD' } }));

describe('AMOUNT_EXCEEDS_TOLERANCE', () =>
  ruleCases(amountExceedsTolerance, [
    ['complies at the credit amount', inputA(), 'complies'],
    ['complies at exactly amount + 5 %: 1310400.00', invoiced('1310400.00'), 'complies'],
    ['fires one cent above', invoiced('1310400.01'), { contains: '1310400.01' }],
    [
      'counts earlier drawings',
      {
        ...invoiced('700000.00'),
        earlier: [{ waybillId: waybillIds.b, amount: { amount: '700000.00', currency: 'USD' } }],
      },
      { contains: '1400000.00' },
    ],
  ]));
