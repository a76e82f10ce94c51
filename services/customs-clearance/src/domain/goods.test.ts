import { money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { goodsFromBill, importLines } from './goods.ts';
import { billA, billD } from './testing/fixtures.ts';

describe('goodsFromBill', () => {
  it('shares the declared value by gross mass where the lines give no unit values, the remainder on the last line', () => {
    const goods = billD().content.goods.map(({ quantity: _q, unitValue: _u, ...line }) => line);
    expect(goodsFromBill(billD({ goods }), 'CN').map((g) => g.customsValue)).toEqual([
      money('49633.51', 'EUR'),
      money('10366.49', 'EUR'),
    ]);
  });

  it('takes the origin from the shipper’s country and keeps the container', () =>
    expect(goodsFromBill(billA(), 'VN')[0]).toMatchObject({
      origin: 'VN',
      containerNumber: 'RBLU1000015',
      packages: 100,
    }));

  it('falls back to the place of receipt’s country for a service-lodged export when the parties file has none', () =>
    expect(goodsFromBill(billA(), undefined)[0]?.origin).toBe('CN'));

  it('takes unit value × quantity where the lines give them (95 × 400.00, 2200 × 10.00)', () =>
    expect(goodsFromBill(billD(), 'CN').map((g) => g.customsValue.amount)).toEqual(['38000.00', '22000.00']));
});

describe('importLines', () => {
  it('keeps the origin the importer declares and defaults the others to the shipper’s country', () => {
    const result = importLines(
      billA(),
      [
        { hsCode: '847130', description: 'x', grossKg: '1', packages: 1, origin: 'VN' },
        { hsCode: '847130', description: 'y', grossKg: '3', packages: 1 },
      ],
      'CN',
    );
    expect(result.ok && result.lines.map((l) => l.origin)).toEqual(['VN', 'CN']);
  });

  it('never takes the place of receipt’s country: no shipper country and no declared origin is refused', () =>
    expect(importLines(billA(), undefined, undefined)).toMatchObject({ ok: false, code: 'origin-unknown' }));

  it('takes the bill’s lines when the importer gives none', () => {
    const result = importLines(billA(), undefined, 'CN');
    expect(result.ok && result.lines.map((l) => [l.hsCode, l.origin, l.containerNumber])).toEqual([
      ['847130', 'CN', 'RBLU1000015'],
      ['847130', 'CN', 'RBLU1000020'],
    ]);
  });
});
