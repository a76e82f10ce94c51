import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { goodsMismatch } from './18c-goods-mismatch.ts';

describe('GOODS_MISMATCH', () => {
  it('complies when the invoice adds a unit price to the credit description', () =>
    expect(goodsMismatch.check(inputA())).toBeUndefined());
  it('ignores case and punctuation', () =>
    expect(
      goodsMismatch.check(
        inputA(
          withInvoice({
            goodsDescription: '2400 UNITS PORTABLE COMPUTERS LAPTOPS 14 INCH MODEL YX 14 CIP DUISBURG INCOTERMS 2020',
          }),
        ),
      ),
    ).toBeUndefined());
  it('fires when a word of the credit description is missing', () =>
    expect(
      goodsMismatch.check(
        inputA(
          withInvoice({
            goodsDescription: '2400 units tablet computers 14 inch model YX-14, CIP Duisburg Incoterms 2020',
          }),
        ),
      ),
    ).toContain('portable'));
  it('fires for a bill goods line under an HS heading the credit does not cite', () => {
    const terms = { goodsDescription: 'Portable computers HS 8471.30' };
    const invoice = withInvoice({ goodsDescription: 'Portable computers HS 8471.30' });
    expect(goodsMismatch.check(inputA(invoice, terms))).toBeUndefined();
    expect(
      goodsMismatch.check(
        inputA({ ...invoice, bill: { ...billA, goods: [{ description: 'Monitors', hsCode: '852852' }] } }, terms),
      ),
    ).toContain('852852');
  });
});
