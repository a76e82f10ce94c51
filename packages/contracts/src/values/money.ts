import Big from 'big.js';
import { z } from 'zod';
import { CurrencyCode, minorUnits } from './currency.ts';

/** A non-negative decimal string such as "1250000.00"; never a float (docs/architecture.md §3 Money). */
export const DecimalString = z
  .string()
  .regex(/^(0|[1-9]\d{0,17})(\.\d{1,6})?$/, 'must be a non-negative decimal string such as "1250.00"');
export type DecimalString = z.infer<typeof DecimalString>;

const decimals = (amount: string): number => amount.split('.')[1]?.length ?? 0;

/** docs/contract.md §8 money: `{ amount, currency }`, decimals no more than the currency's minor units. */
export const Money = z
  .object({ amount: DecimalString, currency: CurrencyCode })
  .refine((m) => decimals(m.amount) <= minorUnits(m.currency), {
    message: 'amount has more decimals than the currency allows',
    path: ['amount'],
  });
export type Money = z.infer<typeof Money>;

export type Rounding = 'half_up' | 'half_even' | 'down';
const roundingMode = { half_up: Big.roundHalfUp, half_even: Big.roundHalfEven, down: Big.roundDown } as const;

const big = (amount: string): Big => new Big(amount);

/** Formats a decimal with exactly the currency's minor units. */
export const formatAmount = (value: Big | string, currency: CurrencyCode, rounding: Rounding = 'half_up'): string =>
  big(value.toString()).round(minorUnits(currency), roundingMode[rounding]).toFixed(minorUnits(currency));

export const money = (amount: string, currency: CurrencyCode): Money => ({
  amount: formatAmount(amount, currency),
  currency,
});

export const compareAmounts = (a: string, b: string): -1 | 0 | 1 => big(a).cmp(big(b));

const sameCurrency = (a: Money, b: Money): void => {
  if (a.currency !== b.currency) throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
};

export const addMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return { amount: formatAmount(big(a.amount).plus(big(b.amount)), a.currency), currency: a.currency };
};

export const sumMoney = (items: readonly Money[], currency: CurrencyCode): Money =>
  items.reduce<Money>((total, m) => addMoney(total, m), money('0', currency));

/** `amount × percent / 100`, rounded to the currency's minor units. `percent` is a decimal string or integer. */
export const percentOf = (m: Money, percent: string | number, rounding: Rounding = 'half_up'): Money => ({
  amount: formatAmount(
    big(m.amount)
      .times(big(String(percent)))
      .div(100),
    m.currency,
    rounding,
  ),
  currency: m.currency,
});

/** `amount × factor` (e.g. an exchange rate), rounded to `currency`'s minor units. */
export const convert = (m: Money, rate: string, currency: CurrencyCode, rounding: Rounding = 'half_up'): Money => ({
  amount: formatAmount(big(m.amount).times(big(rate)), currency, rounding),
  currency,
});

/** The band a tolerance allows around an amount (UCP 600 art. 30(a)/(b) style percentages). */
export const toleranceBand = (m: Money, plusPercent: number, minusPercent: number): { min: Money; max: Money } => {
  const base = big(m.amount);
  return {
    min: { amount: formatAmount(base.times(100 - minusPercent).div(100), m.currency), currency: m.currency },
    max: { amount: formatAmount(base.times(100 + plusPercent).div(100), m.currency), currency: m.currency },
  };
};

export const isWithin = (m: Money, band: { min: Money; max: Money }): boolean =>
  m.currency === band.min.currency &&
  compareAmounts(m.amount, band.min.amount) >= 0 &&
  compareAmounts(m.amount, band.max.amount) <= 0;

/** Arithmetic on decimal quantities (masses, volumes) that are not money. */
export const decimal = {
  add: (a: string, b: string): string => big(a).plus(big(b)).toString(),
  sub: (a: string, b: string): string => big(a).minus(big(b)).toString(),
  mul: (a: string, b: string): string => big(a).times(big(b)).toString(),
  div: (a: string, b: string, dp = 6): string => big(a).div(big(b)).round(dp, Big.roundHalfUp).toString(),
  cmp: compareAmounts,
  round: (a: string, dp: number, rounding: Rounding = 'half_up'): string =>
    big(a).round(dp, roundingMode[rounding]).toFixed(dp),
} as const;

/**
 * Splits `total` in proportion to `weights` (decimal strings, e.g. gross masses), each share rounded half-up to the
 * currency's minor units; the last share takes the rounding remainder so the shares always sum to `total`.
 */
export const allocateMoney = (total: Money, weights: readonly string[]): Money[] => {
  const sum = weights.reduce((acc, w) => acc.plus(big(w)), big('0'));
  if (weights.length === 0 || sum.eq(0)) throw new Error('allocation needs at least one positive weight');
  const shares = weights
    .slice(0, -1)
    .map((w) => money(big(total.amount).times(big(w)).div(sum).toString(), total.currency));
  const allocated = shares.reduce((acc, m) => acc.plus(big(m.amount)), big('0'));
  return [...shares, money(big(total.amount).minus(allocated).toString(), total.currency)];
};

/** `a − b` in one currency (may be negative). */
export const subtractMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return { amount: formatAmount(big(a.amount).minus(big(b.amount)), a.currency), currency: a.currency };
};

/** The smaller of two amounts in one currency (e.g. a drawing capped at what the credit still allows). */
export const minMoney = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return compareAmounts(a.amount, b.amount) <= 0 ? a : b;
};
