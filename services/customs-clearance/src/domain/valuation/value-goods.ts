import {
  addMoney,
  allocateMoney,
  convert,
  decimal,
  type ExchangeRate,
  type GoodsItem,
  type Incoterm,
  type LocalDate,
  type Money,
  subtractMoney,
  type ValuationAdjustment,
} from '@railbill/contracts';
import type { DatedRate, Territory } from '../duties/tariff.ts';
import { rateOn } from './exchange-rates.ts';
import { needsCostsToEntry } from './incoterm.ts';
import { type LineValue, transactionValues, type ValuedLine } from './transaction-value.ts';

/** A goods line to value: what the declaration shows of it, plus what valuing it needs. */
export type LineToValue = ValuedLine & Omit<GoodsItem, 'customsValue' | 'incidentalCosts' | 'valuation'>;

export type ValuationInput = Readonly<{
  lines: readonly LineToValue[];
  declaredValue: Money;
  incoterm: Incoterm;
  costsToEntry?: Money | undefined;
  freightAfterEntry?: Money | undefined;
  territory: Territory;
  rates: readonly DatedRate[];
  /** The day the declaration is accepted: the exchange rate is the one published for it. */
  date: LocalDate;
}>;

type Problem = Readonly<{ ok: false; code: string; detail: string }>;
export type Valued = Readonly<{ ok: true; goods: GoodsItem[] }> | Problem;
const problem = (code: string, detail: string): Problem => ({ ok: false, code, detail });

/** The Incoterm decides which adjustment the declaration must, may or may not give (docs/customs.md §2). */
const termProblem = (input: ValuationInput): Problem | undefined => {
  const { incoterm, costsToEntry, freightAfterEntry } = input;
  if (needsCostsToEntry(incoterm)) {
    if (costsToEntry === undefined)
      return problem(
        'costs-to-entry-required',
        `an ${incoterm} price leaves out transport and insurance up to the point of entry: give costsToEntry`,
      );
    if (freightAfterEntry !== undefined)
      return problem('freight-after-entry-not-in-price', `an ${incoterm} price holds no transport after entry`);
  } else if (costsToEntry !== undefined)
    return problem('costs-to-entry-in-price', `a ${incoterm} price already holds transport up to the point of entry`);
  return undefined;
};

/** A line's share of an adjustment, in proportion to the lines' transaction values (by mass when all are zero). */
const shares = (total: Money, values: readonly LineValue[], lines: readonly ValuedLine[]): Money[] => {
  const weights = values.map((v) => v.value.amount);
  const zero = weights.every((w) => decimal.cmp(w, '0') === 0);
  const byMass = lines.map((l) => l.grossKg);
  return allocateMoney(
    total,
    !zero ? weights : byMass.every((m) => decimal.cmp(m, '0') === 0) ? byMass.map(() => '1') : byMass,
  );
};

const adjustment = (input: ValuationInput, values: readonly LineValue[]) => {
  const { costsToEntry, freightAfterEntry } = input;
  const amount = costsToEntry ?? freightAfterEntry;
  if (amount === undefined) return undefined;
  const kind: ValuationAdjustment['kind'] = costsToEntry === undefined ? 'freight_after_entry' : 'costs_to_entry';
  return {
    kind,
    effect: kind === 'costs_to_entry' ? 'add' : 'deduct',
    shares: shares(amount, values, input.lines),
  } as const;
};

/**
 * Values each line at the point of entry in the territory's currency (UCC arts. 70–72, 53; docs/customs.md): the
 * transaction value, plus the line's share of `costsToEntry` or minus its share of `freightAfterEntry` (both shared
 * by transaction value), converted at the customs rate for the day, half-up to the minor unit. Freight after entry
 * stays on the line as `incidentalCosts` for the VAT base.
 */
export const valueGoods = (input: ValuationInput): Valued => {
  const { territory, declaredValue, date } = input;
  const refusal = termProblem(input);
  if (refusal !== undefined) return refusal;
  const values = transactionValues(input.lines, declaredValue);
  if (!values.ok) return values;
  const from = declaredValue.currency;
  const local = territory.currency;
  const adj = adjustment(input, values.lines);
  const adjCurrency = (input.costsToEntry ?? input.freightAfterEntry)?.currency;
  if (adjCurrency !== undefined && adjCurrency !== from && adjCurrency !== local)
    return problem('adjustment-currency', `give the adjustment in ${from} (the bill's) or ${local} (the territory's)`);
  const rate: ExchangeRate | undefined = from === local ? undefined : rateOn(input.rates, from, local, date);
  if (from !== local && rate === undefined)
    return problem('no-exchange-rate', `no customs exchange rate ${from} → ${local} for ${date}`);
  const toLocal = (m: Money): Money => (m.currency === local ? m : convert(m, rate?.rate ?? '', local));
  const goods: GoodsItem[] = [];
  for (const [i, line] of input.lines.entries()) {
    const tv = values.lines[i];
    if (tv === undefined) continue;
    const share = adj?.shares[i];
    const apply = (a: Money, b: Money) => (adj?.effect === 'add' ? addMoney(a, b) : subtractMoney(a, b));
    const customsValue =
      share === undefined || adj === undefined
        ? toLocal(tv.value)
        : share.currency === from
          ? toLocal(apply(tv.value, share))
          : apply(toLocal(tv.value), share);
    if (decimal.cmp(customsValue.amount, '0') < 0)
      return problem('freight-exceeds-value', `the freight after entry of line ${i + 1} exceeds its value`);
    const { grossKg, quantity, unitValue, hsCode, description, origin, packages, containerNumber } = line;
    goods.push({
      hsCode,
      description,
      origin,
      customsValue,
      ...(adj?.kind === 'freight_after_entry' && share !== undefined ? { incidentalCosts: toLocal(share) } : {}),
      grossKg,
      packages,
      ...(containerNumber === undefined ? {} : { containerNumber }),
      ...(quantity === undefined ? {} : { quantity }),
      ...(unitValue === undefined ? {} : { unitValue }),
      valuation: {
        basis: tv.basis,
        incoterm: input.incoterm,
        transactionValue: tv.value,
        adjustments:
          adj === undefined || share === undefined ? [] : [{ kind: adj.kind, effect: adj.effect, amount: share }],
        ...(rate === undefined ? {} : { exchangeRate: rate }),
      },
    });
  }
  return { ok: true, goods };
};
