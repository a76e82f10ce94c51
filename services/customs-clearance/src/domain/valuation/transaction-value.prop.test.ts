import { fc, test } from '@fast-check/vitest';
import { decimal, type Money, money, sumMoney } from '@railbill/contracts';
import { describe, expect } from 'vitest';
import { transactionValues, type ValuedLine } from './transaction-value.ts';

/** A decimal string with up to `dp` decimals, below 10^`digits`. */
const decimalString = (digits: number, dp: number) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: 0, max: dp }))
    .map(([n, places]) => (places === 0 ? n.toString() : decimal.div(n.toString(), (10 ** places).toString(), places)));

const currency = fc.constantFrom('USD' as const, 'EUR' as const, 'CNY' as const);

const lineOf = (cur: Money['currency']) =>
  fc
    .record({
      grossKg: decimalString(6, 1),
      unit: fc.option(fc.record({ qty: decimalString(4, 2), price: decimalString(6, 2) }), { nil: undefined }),
    })
    .map(
      ({ grossKg, unit }): ValuedLine =>
        unit === undefined
          ? { grossKg }
          : { grossKg, quantity: { value: unit.qty, unit: 'C62' }, unitValue: money(unit.price, cur) },
    );

const bill = currency.chain((cur) =>
  fc.record({
    declared: decimalString(9, 2).map((a) => money(a, cur)),
    lines: fc.array(lineOf(cur), { minLength: 1, maxLength: 8 }),
  }),
);

describe('transactionValues', () => {
  // docs/customs.md §1: whatever the basis, the lines' values add up to the declared value before any adjustment.
  test.prop([bill])('sums to the declared value before adjustments', ({ declared, lines }) => {
    const result = transactionValues(lines, declared);
    if (!result.ok) {
      // the only refusal for one currency: lines that give unit values worth more than the bill declares
      expect(result.code).toBe('line-values-exceed-declared-value');
      return;
    }
    expect(result.lines).toHaveLength(lines.length);
    expect(
      sumMoney(
        result.lines.map((l) => l.value),
        declared.currency,
      ),
    ).toEqual(declared);
  });

  test.prop([bill])('keeps unitValue × quantity where every line gives them and they add up', ({ declared, lines }) => {
    const priced = lines.map((l, i) => ({
      ...l,
      quantity: { value: `${i + 1}`, unit: 'C62' },
      unitValue: money(`${i + 1}.25`, declared.currency),
    }));
    const total = sumMoney(
      priced.map((l, i) => money(decimal.mul(l.unitValue.amount, `${i + 1}`), declared.currency)),
      declared.currency,
    );
    const result = transactionValues(priced, total);
    expect(result.ok && result.lines.map((l) => l.basis)).toEqual(priced.map(() => 'unit_value'));
  });
});
