import { allocateMoney, decimal, type GoodsItem, type ImportGoodsInput, type Money } from '@railbill/contracts';
import { type BillFacts, originOf } from './bill-facts.ts';

type Problem = Readonly<{ code: string; detail: string }>;

/** Shares by gross mass; equal shares when every mass is zero (nothing to weigh by). */
const shareByMass = (total: Money, masses: readonly string[]): Money[] =>
  allocateMoney(total, masses.every((m) => decimal.cmp(m, '0') === 0) ? masses.map(() => '1') : masses);

/**
 * Goods items from the bill's lines. The bill carries one declared value, so each line's customs value is its
 * share in proportion to gross mass (the remainder of rounding on the last line): an equal share when no line has a mass.
 */
export const goodsFromBill = (bill: BillFacts): GoodsItem[] => {
  const lines = bill.content.goods;
  const values = shareByMass(
    bill.content.declaredValue,
    lines.map((l) => l.grossKg),
  );
  const origin = originOf(bill);
  return lines.map((line, i) => ({
    hsCode: line.hsCode,
    description: line.description,
    origin,
    customsValue: values[i] ?? bill.content.declaredValue,
    grossKg: line.grossKg,
    packages: line.packages,
    ...(line.containerNumber === undefined ? {} : { containerNumber: line.containerNumber }),
  }));
};

/**
 * Goods items the consignee declares: with a customs value on every item (shipments.md (b), (d) give per-line
 * values) or on none, in which case the bill's declared value is shared by gross mass as for the bill's lines.
 */
export const goodsFromRequest = (
  bill: BillFacts,
  input: readonly ImportGoodsInput[],
): Readonly<{ ok: true; goods: GoodsItem[] }> | (Readonly<{ ok: false }> & Problem) => {
  const valued = input.filter((g) => g.customsValue !== undefined).length;
  if (valued !== 0 && valued !== input.length)
    return { ok: false, code: 'customs-value-partial', detail: 'give a customs value on every goods item or on none' };
  const shares =
    valued === 0
      ? shareByMass(
          bill.content.declaredValue,
          input.map((g) => g.grossKg),
        )
      : [];
  const goods = input.map(
    ({ customsValue, origin, ...item }, i): GoodsItem => ({
      ...item,
      origin: origin ?? originOf(bill),
      customsValue: customsValue ?? shares[i] ?? bill.content.declaredValue,
    }),
  );
  return { ok: true, goods };
};
