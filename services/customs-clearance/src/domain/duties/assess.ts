import {
  addMoney,
  type CurrencyCode,
  convert,
  type Duties,
  type DutyLine,
  type GoodsItem,
  type Locode,
  type Money,
  money,
  percentOf,
  sumMoney,
} from '@railbill/contracts';
import { countryOf, type Tariff, type Territory, territoryOf } from './tariff.ts';

type Problem = Readonly<{ code: string; detail: string }>;
export type DutiesResult = Readonly<{ ok: true; duties: Duties }> | (Readonly<{ ok: false }> & Problem);

const rateOf = (tariff: Tariff, from: CurrencyCode, to: CurrencyCode): string | undefined =>
  from === to ? '1' : tariff.exchangeRates.find((r) => r.from === from && r.to === to)?.rate;

const dutyRateOf = (territory: Territory, hsCode: string): string | undefined => {
  const lines = territory.duties.filter((l) => hsCode.startsWith(l.hsPrefix));
  const longest = lines.sort((a, b) => b.hsPrefix.length - a.hsPrefix.length)[0];
  return longest?.rate ?? territory.defaultDutyRate;
};

/** The first item the tariff cannot assess, if any. */
const problemOf = (goods: readonly GoodsItem[], territory: Territory, tariff: Tariff): Problem | undefined => {
  for (const item of goods) {
    if (dutyRateOf(territory, item.hsCode) === undefined)
      return { code: 'no-tariff-line', detail: `no ${territory.id} tariff line for HS ${item.hsCode}` };
    for (const m of [item.customsValue, item.incidentalCosts])
      if (m !== undefined && rateOf(tariff, m.currency, territory.currency) === undefined)
        return { code: 'no-exchange-rate', detail: `no customs exchange rate ${m.currency} → ${territory.currency}` };
  }
  return undefined;
};

/** customs.md §6: duty = rate × customs value; VAT = rate × (customs value + duty + incidental costs); per line. */
const assessLine = (
  tariff: Tariff,
  territory: Territory,
  vatRate: string,
  item: GoodsItem,
  index: number,
): DutyLine => {
  const { currency } = territory;
  const toLocal = (m: Money): Money => convert(m, rateOf(tariff, m.currency, currency) ?? '', currency);
  const customsValue = toLocal(item.customsValue);
  const incidental = item.incidentalCosts === undefined ? money('0', currency) : toLocal(item.incidentalCosts);
  const dutyRate = dutyRateOf(territory, item.hsCode) ?? '';
  const duty = percentOf(customsValue, dutyRate);
  const vatBase = addMoney(addMoney(customsValue, duty), incidental);
  const vat = percentOf(vatBase, vatRate);
  return { item: index + 1, hsCode: item.hsCode, customsValue, dutyRate, duty, vatBase, vatRate, vat };
};

/**
 * Duty and import VAT/GST of goods declared at `office`, in its territory's currency: each line converted and rounded
 * half-up to the minor unit, totals the sums of the lines (customs.md §6 step 5).
 */
export const assessDuties = (goods: readonly GoodsItem[], office: Locode, tariff: Tariff): DutiesResult => {
  const territory = territoryOf(tariff, office);
  if (territory === undefined) return { ok: false, code: 'no-tariff-for-office', detail: `no tariff covers ${office}` };
  const vatRate = territory.vat[countryOf(office)];
  if (vatRate === undefined)
    return { ok: false, code: 'no-vat-rate', detail: `no VAT rate for ${countryOf(office)} in ${territory.id}` };
  const problem = problemOf(goods, territory, tariff);
  if (problem !== undefined) return { ok: false, ...problem };
  const lines = goods.map((item, index) => assessLine(tariff, territory, vatRate, item, index));
  const total = (pick: (l: DutyLine) => Money): Money => sumMoney(lines.map(pick), territory.currency);
  return { ok: true, duties: { duty: total((l) => l.duty), vat: total((l) => l.vat), lines } };
};
