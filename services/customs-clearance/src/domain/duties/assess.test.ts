import { type GoodsItem, money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { tariff } from '../testing/fixtures.ts';
import { assessDuties } from './assess.ts';

const item = (
  hsCode: string,
  customsValue: ReturnType<typeof money>,
  incidentalCosts?: ReturnType<typeof money>,
): GoodsItem => ({
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
  it('(a) laptops at DEDUI: duty EUR 0.00, VAT 19 % EUR 218150.40 (customs.md §6, rate 0.92)', () => {
    // Customs value (1248000.00 − 4800.00 freight after entry) × 0.92; the freight × 0.92 goes back into the VAT base.
    const half = item('847130', money('621600.00', 'USD'), money('2400.00', 'USD'));
    const duties = assessed([half, half], 'DEDUI');
    expect(duties.duty).toEqual(money('0', 'EUR'));
    expect(duties.vat).toEqual(money('218150.40', 'EUR'));
    expect(duties.lines[0]).toEqual({
      item: 1,
      hsCode: '847130',
      customsValue: money('571872.00', 'EUR'),
      dutyRate: '0',
      duty: money('0', 'EUR'),
      vatBase: money('574080.00', 'EUR'),
      vatRate: '19',
      vat: money('109075.20', 'EUR'),
    });
  });

  it('(b) motorcycle parts at SGSIN: duty SGD 0.00 (non-dutiable), GST 9 % of CIF SGD 22479.84 (rate 1.34)', () => {
    const duties = assessed(
      ['78400.00', '72000.00', '36000.00'].map((v) => item('871410', money(v, 'USD'))),
      'SGSIN',
    );
    expect(duties.duty).toEqual(money('0', 'SGD'));
    expect(duties.lines.map((l) => l.vat.amount)).toEqual(['9455.04', '8683.20', '4341.60']);
    expect(duties.vat).toEqual(money('22479.84', 'SGD'));
  });

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

  it('takes the longest matching HS prefix (9403 40 90 10 at 2.7 %)', () =>
    expect(assessed([item('9403409010', money('1000.00', 'EUR'))], 'DEHAM').lines[0]?.duty).toEqual(
      money('27.00', 'EUR'),
    ));

  it('uses the VAT rate of the office country (Poland 23 %)', () =>
    expect(assessed([item('940360', money('100.00', 'EUR'))], 'PLMAA').vat).toEqual(money('23.00', 'EUR')));

  it.each([
    ['no-tariff-line', [item('010121', money('1.00', 'EUR'))], 'DEDUI'],
    ['no-exchange-rate', [item('847130', money('1.00', 'CNY'))], 'DEDUI'],
    ['no-tariff-for-office', [item('847130', money('1.00', 'EUR'))], 'CNCQI'],
    ['no-vat-rate', [item('847130', money('1.00', 'EUR'))], 'FRPAR'],
  ] as const)('cannot assess: %s', (code, goods, office) =>
    expect(assessDuties(goods, office, tariff)).toMatchObject({ ok: false, code }),
  );
});
