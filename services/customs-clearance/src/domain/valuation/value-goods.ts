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

type Adjustment = NonNullable<ReturnType<typeof adjustment>>;
type Context = Readonly<{ input: ValuationInput; rate: ExchangeRate | undefined; adj: Adjustment | undefined }>;

/**
 * The line's value at the point of entry: adjusted in the bill's currency then converted, or converted then adjusted.
 */
const customsValueOf = ({ input, rate, adj }: Context, value: Money, share: Money | undefined): Money => {
  const local = input.territory.currency;
  const toLocal = (m: Money): Money => (m.currency === local ? m : convert(m, rate?.rate ?? '', local));
  if (adj === undefined || share === undefined) return toLocal(value);
  const apply = (a: Money, b: Money) => (adj.effect === 'add' ? addMoney(a, b) : subtractMoney(a, b));
  return share.currency === value.currency ? toLocal(apply(value, share)) : apply(toLocal(value), share);
};

const itemOf = (ctx: Context, line: LineToValue, tv: LineValue, share: Money | undefined): GoodsItem => {
  const { adj, rate, input } = ctx;
  const { grossKg, quantity, unitValue, hsCode, description, origin, packages, containerNumber } = line;
  const local = input.territory.currency;
  const incidental =
    adj?.kind === 'freight_after_entry' && share !== undefined
      ? share.currency === local
        ? share
        : convert(share, rate?.rate ?? '', local)
      : undefined;
  return {
    hsCode,
    description,
    origin,
    customsValue: customsValueOf(ctx, tv.value, share),
    ...(incidental === undefined ? {} : { incidentalCosts: incidental }),
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
  };
};

/** The exchange rate the bill's currency needs, and a refusal for an adjustment in a third currency. */
const rateFor = (input: ValuationInput): Readonly<{ rate: ExchangeRate | undefined }> | Problem => {
  const from = input.declaredValue.currency;
  const local = input.territory.currency;
  const adjCurrency = (input.costsToEntry ?? input.freightAfterEntry)?.currency;
  if (adjCurrency !== undefined && adjCurrency !== from && adjCurrency !== local)
    return problem('adjustment-currency', `give the adjustment in ${from} (the bill's) or ${local} (the territory's)`);
  if (from === local) return { rate: undefined };
  const rate = rateOn(input.rates, from, local, input.date);
  return rate === undefined
    ? problem('no-exchange-rate', `no customs exchange rate ${from} → ${local} for ${input.date}`)
    : { rate };
};

/**
 * Values each line at the point of entry in the territory's currency (UCC arts. 70–72, 53; docs/customs.md): the
 * transaction value, plus the line's share of `costsToEntry` or minus its share of `freightAfterEntry` (both shared
 * by transaction value), converted at the customs rate for the day, half-up to the minor unit. Freight after entry
 * stays on the line as `incidentalCosts` for the VAT base.
 */
export const valueGoods = (input: ValuationInput): Valued => {
  const refusal = termProblem(input);
  if (refusal !== undefined) return refusal;
  const values = transactionValues(input.lines, input.declaredValue);
  if (!values.ok) return values;
  const rated = rateFor(input);
  if ('ok' in rated) return rated;
  const ctx: Context = { input, rate: rated.rate, adj: adjustment(input, values.lines) };
  const goods = input.lines.flatMap((line, i) => {
    const tv = values.lines[i];
    return tv === undefined ? [] : [itemOf(ctx, line, tv, ctx.adj?.shares[i])];
  });
  const negative = goods.findIndex((g) => decimal.cmp(g.customsValue.amount, '0') < 0);
  if (negative >= 0)
    return problem('freight-exceeds-value', `the freight after entry of line ${negative + 1} exceeds its value`);
  return { ok: true, goods };
};
