import { type Incoterm, type Money, money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { type DatedRate, parseTariff, territoryOf } from '../duties/tariff.ts';
import { tariff } from '../testing/fixtures.ts';
import { type LineToValue, type ValuationInput, valueGoods } from './value-goods.ts';

// Illustrative customs rates of the shipped table (not official): 1 USD = 0.9200 EUR for April 2026.
const eu = territoryOf(tariff, 'DEDUI');
if (eu === undefined) throw new Error('the tariff has no EU territory');
const april = { rate: '0.9200', from: 'USD', to: 'EUR', validFrom: '2026-04-01', validTo: '2026-04-30' };

const line = (grossKg: string, unit?: { qty: string; value: Money }): LineToValue => ({
  hsCode: '847130',
  description: 'goods',
  origin: 'CN',
  grossKg,
  packages: 1,
  ...(unit === undefined ? {} : { quantity: { value: unit.qty, unit: 'C62' }, unitValue: unit.value }),
});

const input = (
  incoterm: Incoterm,
  lines: readonly LineToValue[],
  declaredValue: Money,
  change: Partial<ValuationInput> = {},
): ValuationInput => ({
  lines,
  declaredValue,
  incoterm,
  territory: eu,
  rates: tariff.exchangeRates,
  date: '2026-04-23',
  ...change,
});

const valued = (i: ValuationInput) => {
  const result = valueGoods(i);
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.goods;
};
const values = (i: ValuationInput) => valued(i).map((g) => g.customsValue.amount);
const expectRefusal = (i: ValuationInput, code: string) => expect(valueGoods(i)).toMatchObject({ ok: false, code });

describe('valueGoods, E terms (EXW): costs up to the point of entry are added', () => {
  // 100 × USD 60.00 = 6000.00 and 50 × USD 80.00 = 4000.00 (sum = declared 10000.00); costs USD 1500.00 shared by
  // value 900.00 / 600.00; (6000.00 + 900.00) × 0.92 = 6348.00 and (4000.00 + 600.00) × 0.92 = 4232.00.
  const lines = [
    line('500', { qty: '100', value: money('60.00', 'USD') }),
    line('900', { qty: '50', value: money('80.00', 'USD') }),
  ];
  const exw = input('EXW', lines, money('10000.00', 'USD'), { costsToEntry: money('1500.00', 'USD') });

  it('adds each line’s share of costsToEntry to its unit-value transaction value, then converts', () =>
    expect(values(exw)).toEqual(['6348.00', '4232.00']));

  it('shows basis, adjustment and the rate with its period on each line', () =>
    expect(valued(exw)[0]?.valuation).toEqual({
      basis: 'unit_value',
      incoterm: 'EXW',
      transactionValue: money('6000.00', 'USD'),
      adjustments: [{ kind: 'costs_to_entry', effect: 'add', amount: money('900.00', 'USD') }],
      exchangeRate: april,
    }));

  it('refuses an EXW import without costsToEntry', () =>
    expectRefusal({ ...exw, costsToEntry: undefined }, 'costs-to-entry-required'));

  it('refuses freight after entry on an E-term price, which holds none', () =>
    expectRefusal({ ...exw, freightAfterEntry: money('100.00', 'USD') }, 'freight-after-entry-not-in-price'));
});

describe('valueGoods, F terms (FCA): docs/shipments.md (c), monitors FCA Chongqing', () => {
  // USD 552000.00 shared by equal masses: 184000.00 each; costs USD 15000.00: 5000.00 each; 189000.00 × 0.92.
  const lines = [line('3200.0'), line('3200.0'), line('3200.0')];
  const fca = input('FCA', lines, money('552000.00', 'USD'), { costsToEntry: money('15000.00', 'USD') });

  it('shares the declared value by mass and adds the costs to entry: EUR 173880.00 a line', () => {
    expect(values(fca)).toEqual(['173880.00', '173880.00', '173880.00']);
    expect(valued(fca)[2]?.valuation?.basis).toBe('declared_value_by_mass');
  });

  it('adds costs given in the territory’s currency after converting the transaction value', () =>
    // 184000.00 × 0.92 = 169280.00, + EUR 5000.00
    expect(values({ ...fca, costsToEntry: money('15000.00', 'EUR') })).toEqual([
      '174280.00',
      '174280.00',
      '174280.00',
    ]));

  it('refuses an FCA import without costsToEntry', () =>
    expectRefusal({ ...fca, costsToEntry: undefined }, 'costs-to-entry-required'));

  it('refuses costs in a third currency', () =>
    expectRefusal({ ...fca, costsToEntry: money('1000.00', 'CNY') }, 'adjustment-currency'));
});

describe('valueGoods, C terms (CPT, CIP): docs/shipments.md (a), laptops CIP Duisburg', () => {
  const lines = [line('2400.0'), line('2400.0')];
  const cip = input('CIP', lines, money('1248000.00', 'USD'), { freightAfterEntry: money('4800.00', 'USD') });

  it('deducts the freight after entry: (624000.00 − 2400.00) × 0.92 = EUR 571872.00 a line', () => {
    const goods = valued(cip);
    expect(goods.map((g) => g.customsValue)).toEqual([money('571872.00', 'EUR'), money('571872.00', 'EUR')]);
    // the freight stays on the line for the VAT base: 2400.00 × 0.92
    expect(goods.map((g) => g.incidentalCosts)).toEqual([money('2208.00', 'EUR'), money('2208.00', 'EUR')]);
    expect(goods[0]?.valuation?.adjustments).toEqual([
      { kind: 'freight_after_entry', effect: 'deduct', amount: money('2400.00', 'USD') },
    ]);
  });

  it('keeps the price as it is where no freight after entry is declared', () =>
    expect(values({ ...cip, freightAfterEntry: undefined })).toEqual(['574080.00', '574080.00']));

  it('refuses costsToEntry on a C-term price, which already holds them', () =>
    expectRefusal({ ...cip, incoterm: 'CPT', costsToEntry: money('1.00', 'USD') }, 'costs-to-entry-in-price'));

  it('refuses freight after entry larger than the value it is deducted from', () =>
    expectRefusal({ ...cip, freightAfterEntry: money('1300000.00', 'USD') }, 'freight-exceeds-value'));
});

describe('valueGoods, D terms (DAP, DPU, DDP): docs/shipments.md (d), furniture and garments DAP Hamburg', () => {
  // 95 × EUR 400.00 = 38000.00 and 2200 × EUR 10.00 = 22000.00; freight EUR 1400.00 by value: 886.67 / 513.33.
  const lines = [
    line('7900.0', { qty: '95', value: money('400.00', 'EUR') }),
    line('1650.0', { qty: '2200', value: money('10.00', 'EUR') }),
  ];
  const dap = input('DAP', lines, money('60000.00', 'EUR'), { freightAfterEntry: money('1400.00', 'EUR') });

  it('deducts the freight after entry by line value: 37113.33 + 21486.67 = EUR 58600.00, no exchange rate', () => {
    const goods = valued(dap);
    expect(goods.map((g) => g.customsValue.amount)).toEqual(['37113.33', '21486.67']);
    expect(goods.map((g) => g.incidentalCosts?.amount)).toEqual(['886.67', '513.33']);
    expect(goods[1]?.valuation).toEqual({
      basis: 'unit_value',
      incoterm: 'DAP',
      transactionValue: money('22000.00', 'EUR'),
      adjustments: [{ kind: 'freight_after_entry', effect: 'deduct', amount: money('513.33', 'EUR') }],
    });
  });

  it('without unit values shares the declared value by mass first: 49633.51 − 1158.12, 10366.49 − 241.88', () =>
    expect(values({ ...dap, lines: [line('7900.0'), line('1650.0')] })).toEqual(['48475.39', '10124.61']));

  it('treats DDP and DPU like DAP', () => {
    expect(values({ ...dap, incoterm: 'DDP' })).toEqual(['37113.33', '21486.67']);
    expect(values({ ...dap, incoterm: 'DPU' })).toEqual(['37113.33', '21486.67']);
  });
});

describe('valueGoods, exchange rate and rounding', () => {
  const rates: DatedRate[] = [
    { from: 'USD', to: 'EUR', rate: '0.9250', validFrom: '2026-05-01', validTo: '2026-05-31' },
    { from: 'USD', to: 'EUR', rate: '0.9100', validFrom: '2026-06-01', validTo: '2026-06-30' },
  ];
  const one = input('CIP', [line('1')], money('1.00', 'USD'), { rates });

  it('rounds the converted value half-up to the cent: USD 1.00 × 0.9250 = EUR 0.93', () =>
    expect(values({ ...one, date: '2026-05-31' })).toEqual(['0.93']));

  it('uses the rate of the period the day falls in, and shows that period', () => {
    const goods = valued({ ...one, date: '2026-06-01' });
    expect(goods[0]?.customsValue).toEqual(money('0.91', 'EUR'));
    expect(goods[0]?.valuation?.exchangeRate).toEqual({
      rate: '0.9100',
      from: 'USD',
      to: 'EUR',
      validFrom: '2026-06-01',
      validTo: '2026-06-30',
    });
  });

  it('refuses a day no published rate covers, naming pair and day, and never uses an inverse', () => {
    expect(valueGoods({ ...one, date: '2026-07-01' })).toEqual({
      ok: false,
      code: 'no-exchange-rate',
      detail: 'no customs exchange rate USD → EUR for 2026-07-01',
    });
    const inverse = parseTariff({ ...tariff, exchangeRates: [{ ...rates[0], from: 'EUR', to: 'USD' }] });
    expectRefusal({ ...one, date: '2026-05-15', rates: inverse.exchangeRates }, 'no-exchange-rate');
  });

  it('converts CNY with the table’s CNY pair (illustrative 0.1270 for April 2026)', () =>
    expect(values(input('CIP', [line('1')], money('10000.00', 'CNY')))).toEqual(['1270.00']));
});
