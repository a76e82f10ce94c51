import { describe } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { placeOfDispatchMismatch } from './19a-place-of-dispatch-mismatch.ts';

const receivedAt = (placeOfReceipt: string) => withBill({ placeOfReceipt });
const creditReceivingAtChengdu = { placeOfReceipt: 'CNCDU' };

describe('PLACE_OF_DISPATCH_MISMATCH', () =>
  ruleCases(placeOfDispatchMismatch, [
    ['complies when the bill’s place of receipt is the credit’s place of dispatch', inputA(), 'complies'],
    [
      'fires for another place of receipt, naming both',
      inputA(receivedAt('CNCDU')),
      { is: "the bill's place of receipt CNCDU is not the credit's CNCQI" },
    ],
    ['treats the alias CNCKG as Chongqing (docs/codes.md)', inputA(receivedAt('CNCKG')), 'complies'],
    [
      'prefers the credit’s place of receipt over its place of dispatch: fires for the bill’s',
      inputA({}, creditReceivingAtChengdu),
      { contains: 'CNCDU' },
    ],
    [
      'prefers the credit’s place of receipt over its place of dispatch: complies at it',
      inputA(receivedAt('CNCDU'), creditReceivingAtChengdu),
      'complies',
    ],
    [
      'ignores a bill not yet issued (BILL_NOT_ISSUED says so)',
      inputA(withBill({ status: 'submitted', placeOfReceipt: 'CNCDU' })),
      'complies',
    ],
  ]));
