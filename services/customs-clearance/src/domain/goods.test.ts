import { money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { goodsFromBill, goodsFromRequest } from './goods.ts';
import { billA, billD } from './testing/fixtures.ts';

describe('goodsFromBill', () => {
  it('shares the declared value by gross mass, the rounding remainder on the last line', () =>
    expect(goodsFromBill(billD()).map((g) => g.customsValue)).toEqual([
      money('49633.51', 'EUR'),
      money('10366.49', 'EUR'),
    ]));

  it('takes the origin from the place of receipt and keeps the container', () =>
    expect(goodsFromBill(billA())[0]).toMatchObject({ origin: 'CN', containerNumber: 'RBLU1000015', packages: 100 }));

  it('shares equally when no line has a mass', () => {
    const bill = billA();
    const goods = bill.content.goods.map((g) => ({ ...g, grossKg: '0' }));
    expect(goodsFromBill({ ...bill, content: { ...bill.content, goods } }).map((g) => g.customsValue.amount)).toEqual([
      '624000.00',
      '624000.00',
    ]);
  });
});

describe('goodsFromRequest', () => {
  it('keeps declared values and origins', () =>
    expect(
      goodsFromRequest(billA(), [
        {
          hsCode: '847130',
          description: 'x',
          grossKg: '1',
          packages: 1,
          origin: 'VN',
          customsValue: money('5', 'USD'),
        },
      ]),
    ).toEqual({
      ok: true,
      goods: [
        {
          hsCode: '847130',
          description: 'x',
          grossKg: '1',
          packages: 1,
          origin: 'VN',
          customsValue: money('5', 'USD'),
        },
      ],
    }));

  it('shares the bill value by mass when no item has a value', () => {
    const result = goodsFromRequest(billA(), [
      { hsCode: '847130', description: 'x', grossKg: '1', packages: 1 },
      { hsCode: '847130', description: 'y', grossKg: '3', packages: 1 },
    ]);
    expect(result.ok && result.goods.map((g) => g.customsValue.amount)).toEqual(['312000.00', '936000.00']);
  });
});
