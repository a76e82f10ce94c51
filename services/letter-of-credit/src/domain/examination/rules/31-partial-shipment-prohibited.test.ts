import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { waybillIds } from '../../testing/shipments.ts';
import { partialShipmentProhibited } from './31-partial-shipment-prohibited.ts';

const invoiced = (amount: string, terms = {}) => inputA(withInvoice({ amount: { amount, currency: 'USD' } }), terms);
const earlier = [{ waybillId: waybillIds.b, amount: { amount: '100.00', currency: 'USD' as const } }];

describe('PARTIAL_SHIPMENT_PROHIBITED', () => {
  it('complies for one full drawing', () => expect(partialShipmentProhibited.check(inputA())).toBeUndefined());
  it('fires for a second presentation with another bill (docs/shipments.md negative fixture)', () =>
    expect(partialShipmentProhibited.check(inputA({ earlier }))).toContain(waybillIds.b));
  it('allows another bill when partial shipments are allowed', () =>
    expect(partialShipmentProhibited.check(inputA({ earlier }, { partialShipments: 'allowed' }))).toBeUndefined());
  it('allows down to amount − 5 % tolerance: 1185600.00, not a cent less', () => {
    expect(partialShipmentProhibited.check(invoiced('1185600.00'))).toBeUndefined();
    expect(partialShipmentProhibited.check(invoiced('1185599.99'))).toBeDefined();
  });
  it('allows 5 % less without a stated tolerance (30(c)): 1185600.00', () => {
    const noTolerance = { tolerance: undefined };
    expect(partialShipmentProhibited.check(invoiced('1185600.00', noTolerance))).toBeUndefined();
    expect(partialShipmentProhibited.check(invoiced('1185599.99', noTolerance))).toBeDefined();
  });
});
