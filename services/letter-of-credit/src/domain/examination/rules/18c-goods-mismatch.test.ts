import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { goodsMismatch } from './18c-goods-mismatch.ts';

const CREDIT = '2400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020';
const invoiced = (goodsDescription: string, terms = {}) =>
  goodsMismatch.check(inputA(withInvoice({ goodsDescription }), terms));

describe('GOODS_MISMATCH (ISBP 821 C3–C4)', () => {
  it('complies when the invoice adds a unit price to the credit description', () =>
    expect(goodsMismatch.check(inputA())).toBeUndefined());
  it('ignores case and punctuation', () =>
    expect(
      invoiced('2400 UNITS PORTABLE COMPUTERS LAPTOPS 14 INCH MODEL YX 14 CIP DUISBURG INCOTERMS 2020'),
    ).toBeUndefined());
  it('ignores thousands separators: "2,400" corresponds to "2400"', () =>
    expect(invoiced('2,400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020')).toBe(
      undefined,
    ));
  it('ignores singular and plural: "laptop" corresponds to "laptops"', () =>
    expect(invoiced('2400 units portable computer (laptop) 14 inch model YX-14, CIP Duisburg Incoterm 2020')).toBe(
      undefined,
    ));
  it('ignores word order', () =>
    expect(invoiced('Laptops, portable computers, model YX-14, 14 inch: 2400 units; Incoterms 2020 CIP Duisburg')).toBe(
      undefined,
    ));
  it('fires when a word of the credit description is missing (another kind of goods)', () =>
    expect(invoiced('2400 units tablet computers 14 inch model YX-14, CIP Duisburg Incoterms 2020')).toContain(
      'portable',
    ));
  it('fires for "15 inch" against "14 inch model YX-14": the 14 of the model number is no size', () => {
    const message = invoiced(
      '2400 units portable computers (laptops) 15 inch model YX-14, CIP Duisburg Incoterms 2020',
    );
    expect(message).toContain('15 inch conflicts with 14 inch');
  });
  it('fires for another model number', () =>
    expect(
      invoiced(
        '2400 units portable computers (laptops) 14 inch model YX-15, YX-14 series, CIP Duisburg Incoterms 2020',
      ),
    ).toContain('another model yx15'));
  it.each(['used', 'refurbished', 'second-hand', 'reconditioned'])('fires for goods of another condition: %s', (word) =>
    expect(
      invoiced(`2400 units ${word} portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020`),
    ).toContain('another condition'),
  );
  it('accepts a condition word the credit itself states', () =>
    expect(invoiced('2400 units used laptops', { goodsDescription: '2400 units used laptops' })).toBeUndefined());
  it('fires for a quantity above the credit\u2019s in units (no 5 % for items, UCP 30(b))', () =>
    expect(
      invoiced('2410 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020'),
    ).toContain('more than the credit allows'));
  it('allows a smaller quantity when partial shipments are allowed, not when prohibited', () => {
    const description = '1200 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020';
    expect(invoiced(description, { partialShipments: 'allowed' })).toBeUndefined();
    expect(invoiced(description, { partialShipments: 'not_allowed' })).toContain('less than the credit allows');
  });
  it('keeps UCP 30(a) "about" ±10 % and 30(b) 5 % for bulk quantities', () => {
    const about = { goodsDescription: 'about 1000 units steel wheels', partialShipments: 'not_allowed' };
    expect(invoiced('1100 units steel wheels', about)).toBeUndefined();
    expect(invoiced('1101 units steel wheels', about)).toContain('more than');
    expect(invoiced('899 units steel wheels', about)).toContain('less than');
    const bulk = { goodsDescription: '500 tonnes steel billets', partialShipments: 'not_allowed' };
    expect(invoiced('525 tonnes steel billets', bulk)).toBeUndefined();
    expect(invoiced('526 tonnes steel billets', bulk)).toContain('more than');
    expect(invoiced('474 tonnes steel billets', bulk)).toContain('less than');
  });
  it('checks a unit price the credit states, exactly or within "about" ±10 %', () => {
    const priced = { goodsDescription: '2400 units laptops at USD 520.00 per unit' };
    expect(invoiced('2400 units laptops at USD 520,00 per unit', priced)).toBeUndefined();
    expect(invoiced('2400 units laptops at USD 530.00 per unit', priced)).toContain('outside');
    expect(invoiced('2400 units laptops', priced)).toContain('unit price');
    const about = { goodsDescription: '2400 units laptops at about USD 520.00 per unit' };
    expect(invoiced('2400 units laptops at USD 570.00 per unit', about)).toBeUndefined();
    expect(invoiced('2400 units laptops at USD 573.00 per unit', about)).toContain('outside');
  });
  it('reads the credit description of shipment (a) as the fixtures state it', () =>
    expect(invoiced(CREDIT)).toBeUndefined());
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
