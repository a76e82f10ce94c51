import { describe, expect, it } from 'vitest';
import { WaybillSubmission } from './waybill-content.ts';

const bill = (line: Record<string, unknown>) => ({
  type: 'waybill',
  shipper: 'bayu-home',
  consignee: 'elbufer-wohnen',
  carrier: 'silkrail-mto',
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'DEHAM',
  legs: [{ sequence: 1, mode: 'rail', carrier: 'silkrail-mto', from: 'CNCQI', to: 'DEHAM' }],
  goods: [
    {
      description: "Women's cotton trousers",
      hsCode: '620462',
      packages: 150,
      packageKind: 'CT',
      grossKg: '1650.0',
      ...line,
    },
  ],
  declaredValue: { amount: '22000.00', currency: 'EUR' },
  incoterm: 'DAP',
  freight: 'prepaid',
});

describe('WaybillSubmission goods lines', () => {
  it('take a quantity in a UN/ECE Rec. 20 unit and a unit value', () => {
    const line = { quantity: { value: '2200', unit: 'C62' }, unitValue: { amount: '10.00', currency: 'EUR' } };
    expect(WaybillSubmission.parse(bill(line)).goods[0]).toMatchObject(line);
  });

  it.each([
    ['a unit that is no Rec. 20 code', { quantity: { value: '1', unit: 'pieces' } }],
    ['a float quantity', { quantity: { value: 2200, unit: 'C62' } }],
    ['an unknown quantity field', { quantity: { value: '1', unit: 'C62', note: 'x' } }],
    ['a unit value with too many decimals', { unitValue: { amount: '10.001', currency: 'EUR' } }],
  ])('refuse %s', (_, line) => expect(WaybillSubmission.safeParse(bill(line)).success).toBe(false));
});
