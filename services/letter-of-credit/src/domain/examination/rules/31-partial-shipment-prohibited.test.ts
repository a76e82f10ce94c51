import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { waybillIds } from '../../testing/shipments.ts';
import { partialShipmentProhibited } from './31-partial-shipment-prohibited.ts';

const invoiced = (amount: string, terms = {}) => inputA(withInvoice({ amount: { amount, currency: 'USD' } }), terms);
const earlier = [{ waybillId: waybillIds.b, amount: { amount: '100.00', currency: 'USD' as const } }];
const noTolerance = { tolerance: undefined };

describe('PARTIAL_SHIPMENT_PROHIBITED', () =>
  ruleCases(partialShipmentProhibited, [
    ['complies for one full drawing', inputA(), 'complies'],
    [
      'fires for a second presentation with another bill (docs/shipments.md negative fixture)',
      inputA({ earlier }),
      { contains: waybillIds.b },
    ],
    [
      'allows another bill when partial shipments are allowed',
      inputA({ earlier }, { partialShipments: 'allowed' }),
      'complies',
    ],
    ['allows down to amount − 5 % tolerance: 1185600.00', invoiced('1185600.00'), 'complies'],
    ['… not a cent less', invoiced('1185599.99'), 'fires'],
    ['allows 5 % less without a stated tolerance (30(c)): 1185600.00', invoiced('1185600.00', noTolerance), 'complies'],
    ['… not a cent less without a stated tolerance either', invoiced('1185599.99', noTolerance), 'fires'],
  ]));
