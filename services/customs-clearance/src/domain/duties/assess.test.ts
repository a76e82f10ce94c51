import { type GoodsItem, type Money, money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { tariff } from '../testing/fixtures.ts';
import { assessDuties } from './assess.ts';

/** A goods item already valued at the point of entry, in the territory's currency (valuation/value-goods.ts). */
const item = (hsCode: string, customsValue: Money, incidentalCosts?: Money): GoodsItem => ({
  hsCode,
  description: 'goods',
  origin: 'CN',
  customsValue,
  ...(incidentalCosts === undefined ? {} : { incidentalCosts }),
  grossKg: '1000',
  packages: 1,
});

const assessed = (goods: readonly GoodsItem[], office: string) => {
  const result = assessDuties(goods, office, tariff);
  if (!result.ok) throw new Error(result.code);
  return result.duties;
};

describe('assessDuties', () => {
  it('(a) laptops at DEDUI: duty EUR 0.00, VAT 19 % EUR 218150.40 (docs/customs.md §8)', () => {
    // customs value (624000.00 − 2400.00) × 0.92 a line; the freight after entry, 2400.00 × 0.92, in the VAT base
    const half = item('847130', money('571872.00', 'EUR'), money('2208.00', 'EUR'));
    const duties = assessed([half, half], 'DEDUI');
    expect(duties.duty).toEqual(money('0', 'EUR'));
    expect(duties.vat).toEqual(money('218150.40', 'EUR'));
    expect(duties.lines[0]).toEqual({
      item: 1,
      hsCode: '847130',
      tariffLine: '847130',
      customsValue: money('571872.00', 'EUR'),
      dutyRate: '0',
      duty: money('0', 'EUR'),
      vatBase: money('574080.00', 'EUR'),
      vatRate: '19',
      vat: money('109075.20', 'EUR'),
    });
  });

  it('(b) motorcycle parts at SGSIN: duty SGD 0.00 (non-dutiable), GST 9 % of CIF SGD 22479.84', () => {
    // USD 78400.00, 72000.00, 36000.00 × 1.34
    const duties = assessed(
      ['105056.00', '96480.00', '48240.00'].map((v) => item('871410', money(v, 'SGD'))),
      'SGSIN',
    );
    expect(duties.duty).toEqual(money('0', 'SGD'));
    expect(duties.lines.map((l) => [l.tariffLine, l.vat.amount])).toEqual([
      ['default', '9455.04'],
      ['default', '8683.20'],
      ['default', '4341.60'],
    ]);
    expect(duties.vat).toEqual(money('22479.84', 'SGD'));
  });

  it('charges Singapore GST on the CIF value and duty only, not on costs after arrival', () =>
    expect(assessed([item('871410', money('1000.00', 'SGD'), money('500.00', 'SGD'))], 'SGSIN').vat).toEqual(
      money('90.00', 'SGD'),
    ));

  it('(d) furniture and trousers at DEHAM: duty EUR 2578.40, VAT EUR 11889.90, per line rounded half-up', () => {
    const duties = assessed(
      [
        item('940360', money('37113.33', 'EUR'), money('886.67', 'EUR')),
        item('620462', money('21486.67', 'EUR'), money('513.33', 'EUR')),
      ],
      'DEHAM',
    );
    // 12 % × 21486.67 = 2578.4004 → 2578.40; 19 % × 24578.40 = 4669.896 → 4669.90.
    expect(duties.lines.map((l) => [l.duty.amount, l.vatBase.amount, l.vat.amount])).toEqual([
      ['0.00', '38000.00', '7220.00'],
      ['2578.40', '24578.40', '4669.90'],
    ]);
    expect(duties.duty).toEqual(money('2578.40', 'EUR'));
    expect(duties.vat).toEqual(money('11889.90', 'EUR'));
  });

  it('sums rounded lines, not the rounded sum: 2 × 14 % of 0.25 is 0.08, not 0.07', () =>
    expect(
      assessed([item('852872', money('0.25', 'EUR')), item('852872', money('0.25', 'EUR'))], 'DEDUI').duty,
    ).toEqual(money('0.08', 'EUR')));

  it('takes the 10-digit TARIC line where the table has one (9403 40 90 10 at 2.7 %)', () =>
    expect(assessed([item('9403409010', money('1000.00', 'EUR'))], 'DEHAM').lines[0]).toMatchObject({
      tariffLine: '9403409010',
      duty: money('27.00', 'EUR'),
    }));

  it('falls back to a 6-digit heading only where the table allows it, and shows the line used', () =>
    expect(assessed([item('6204623100', money('100.00', 'EUR'))], 'DEHAM').lines[0]).toMatchObject({
      tariffLine: '620462',
      dutyRate: '12',
    }));

  it('refuses a 6-digit code where the EU tariff needs the 10-digit line, naming it', () =>
    expect(assessDuties([item('870829', money('1.00', 'EUR'))], 'DEDUI', tariff)).toEqual({
      ok: false,
      code: 'no-tariff-line',
      detail: 'HS 870829 (goods item 1) has no line in the EU tariff: give the full 10-digit code',
    }));

  it('uses the VAT rate of the office country (Poland 23 %)', () =>
    expect(assessed([item('940360', money('100.00', 'EUR'))], 'PLMAA').vat).toEqual(money('23.00', 'EUR')));

  it.each([
    ['no-tariff-line', [item('0101210000', money('1.00', 'EUR'))], 'DEDUI'],
    ['not-valued', [item('847130', money('1.00', 'USD'))], 'DEDUI'],
    ['no-tariff-for-office', [item('847130', money('1.00', 'EUR'))], 'CNCQI'],
    ['no-vat-rate', [item('847130', money('1.00', 'EUR'))], 'FRPAR'],
  ] as const)('cannot assess: %s', (code, goods, office) =>
    expect(assessDuties(goods, office, tariff)).toMatchObject({ ok: false, code }),
  );

  it('names an unknown code in the refusal', () =>
    expect(assessDuties([item('0101210000', money('1.00', 'EUR'))], 'DEDUI', tariff)).toMatchObject({
      detail: expect.stringContaining('HS 0101210000'),
    }));
});
