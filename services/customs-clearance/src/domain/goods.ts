import type { GoodsItem, GoodsLine, ImportGoodsInput } from '@railbill/contracts';
import type { BillFacts } from './bill-facts.ts';
import { transactionValues } from './valuation/transaction-value.ts';
import type { LineToValue } from './valuation/value-goods.ts';

type Problem = Readonly<{ ok: false; code: string; detail: string }>;

/**
 * The goods' default origin (docs/contract.md §8): the shipper's country from the parties file. Export and transit
 * declarations,
 * lodged by the service itself, fall back to the place of receipt's country when the file gives none; an import
 * never does (importLines).
 */
export const defaultOrigin = (bill: BillFacts, shipperCountry: string | undefined): string =>
  shipperCountry ?? bill.content.placeOfReceipt.slice(0, 2);

const lineOf = (line: GoodsLine | ImportGoodsInput, origin: string): LineToValue => ({
  hsCode: line.hsCode,
  description: line.description,
  origin,
  grossKg: line.grossKg,
  packages: line.packages,
  ...(line.containerNumber === undefined ? {} : { containerNumber: line.containerNumber }),
  ...(line.quantity === undefined ? {} : { quantity: line.quantity }),
  ...(line.unitValue === undefined ? {} : { unitValue: line.unitValue }),
});

/**
 * Goods items of an export or transit from the bill's lines: each line's customs value is its transaction value in
 * the bill's currency (valuation/transaction-value.ts); the point-of-entry adjustments belong to the import.
 */
export const goodsFromBill = (bill: BillFacts, shipperCountry: string | undefined): GoodsItem[] => {
  const { goods, declaredValue } = bill.content;
  const origin = defaultOrigin(bill, shipperCountry);
  const values = transactionValues(goods, declaredValue);
  return goods.map((line, i) => ({
    ...lineOf(line, origin),
    customsValue: (values.ok ? values.lines[i]?.value : undefined) ?? declaredValue,
  }));
};

/**
 * The lines an import values: the importer's goods items if it gives them, else the bill's lines; each with its
 * origin, by default the shipper's country (never the place of receipt's: goods are not from where they are loaded).
 */
export const importLines = (
  bill: BillFacts,
  input: readonly ImportGoodsInput[] | undefined,
  shipperCountry: string | undefined,
): Readonly<{ ok: true; lines: LineToValue[] }> | Problem => {
  const source = input ?? bill.content.goods;
  const lines: LineToValue[] = [];
  for (const [i, line] of source.entries()) {
    const origin = ('origin' in line ? line.origin : undefined) ?? shipperCountry;
    if (origin === undefined)
      return {
        ok: false,
        code: 'origin-unknown',
        detail: `goods item ${i + 1}: give its origin (the parties file names no country for the shipper)`,
      };
    lines.push(lineOf(line, origin));
  }
  return { ok: true, lines };
};
