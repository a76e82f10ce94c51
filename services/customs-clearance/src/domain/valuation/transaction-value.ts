import {
  allocateMoney,
  decimal,
  type Money,
  money,
  subtractMoney,
  sumMoney,
  type ValuationBasis,
} from '@railbill/contracts';

/** What valuing a line needs of it: its mass and, where the bill gives them, quantity and unit value. */
export type ValuedLine = Readonly<{
  grossKg: string;
  quantity?: Readonly<{ value: string; unit: string }> | undefined;
  unitValue?: Money | undefined;
}>;

export type LineValue = Readonly<{ basis: ValuationBasis; value: Money }>;
type Problem = Readonly<{ ok: false; code: string; detail: string }>;
export type LineValues = Readonly<{ ok: true; lines: readonly LineValue[] }> | Problem;

const hasUnitValue = (l: ValuedLine): boolean => l.unitValue !== undefined && l.quantity !== undefined;

/** `unitValue × quantity`, rounded half-up to the currency's minor units. */
const extended = (l: ValuedLine, currency: Money['currency']): Money =>
  money(decimal.mul(l.unitValue?.amount ?? '0', l.quantity?.value ?? '0'), currency);

/** Shares `total` by gross mass; equal shares when no line has a mass (nothing to weigh by). */
const byMass = (total: Money, lines: readonly ValuedLine[]): Money[] => {
  const masses = lines.map((l) => l.grossKg);
  return allocateMoney(total, masses.every((m) => decimal.cmp(m, '0') === 0) ? masses.map(() => '1') : masses);
};

/**
 * The transaction value of each line (UCC art. 70; docs/customs.md §1), always summing to the bill's declared
 * value: `unitValue × quantity` where every line gives them and they add up to it; the declared value shared by
 * those line values where they do not; where only some lines give them, those keep their value and the rest share
 * what is left by gross mass; where none does, the declared value shared by gross mass.
 */
export const transactionValues = (lines: readonly ValuedLine[], declared: Money): LineValues => {
  const { currency } = declared;
  const other = lines.find((l) => l.unitValue !== undefined && l.unitValue.currency !== currency);
  if (other?.unitValue !== undefined)
    return {
      ok: false,
      code: 'unit-value-currency',
      detail: `a unit value in ${other.unitValue.currency} on a bill declared in ${currency}`,
    };
  const valued = lines.filter(hasUnitValue);
  if (valued.length === 0)
    return { ok: true, lines: byMass(declared, lines).map((value) => ({ basis: 'declared_value_by_mass', value })) };
  const own = lines.map((l) => (hasUnitValue(l) ? extended(l, currency) : undefined));
  const ownTotal = sumMoney(
    own.filter((m): m is Money => m !== undefined),
    currency,
  );
  if (valued.length === lines.length) {
    if (decimal.cmp(ownTotal.amount, declared.amount) === 0)
      return { ok: true, lines: own.map((value) => ({ basis: 'unit_value', value: value ?? declared })) };
    if (decimal.cmp(ownTotal.amount, '0') === 0)
      return { ok: true, lines: byMass(declared, lines).map((value) => ({ basis: 'declared_value_by_mass', value })) };
    const shares = allocateMoney(
      declared,
      own.map((m) => m?.amount ?? '0'),
    );
    return { ok: true, lines: shares.map((value) => ({ basis: 'declared_value_by_line_value', value })) };
  }
  if (decimal.cmp(ownTotal.amount, declared.amount) > 0)
    return {
      ok: false,
      code: 'line-values-exceed-declared-value',
      detail: `the lines' unit values come to ${currency} ${ownTotal.amount}, more than the declared value`,
    };
  const rest = lines.filter((l) => !hasUnitValue(l));
  const restShares = byMass(subtractMoney(declared, ownTotal), rest);
  let next = 0;
  return {
    ok: true,
    lines: own.map((value): LineValue => {
      if (value !== undefined) return { basis: 'unit_value', value };
      const share = restShares[next++] ?? money('0', currency);
      return { basis: 'declared_value_by_mass', value: share };
    }),
  };
};
