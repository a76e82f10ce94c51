import {
  addMoney,
  type Duties,
  type DutyLine,
  type GoodsItem,
  type Locode,
  type Money,
  money,
  percentOf,
  sumMoney,
} from '@railbill/contracts';
import { countryOf, resolveTariffLine, type Tariff, type Territory, territoryOf } from './tariff.ts';

type Problem = Readonly<{ code: string; detail: string }>;
export type DutiesResult = Readonly<{ ok: true; duties: Duties }> | (Readonly<{ ok: false }> & Problem);

/**
 * The first item the tariff cannot assess, if any: docs/contract.md §5, a code the table cannot resolve is named, never
 * 0 %.
 */
const problemOf = (goods: readonly GoodsItem[], territory: Territory): Problem | undefined => {
  for (const [i, item] of goods.entries()) {
    if (resolveTariffLine(territory, item.hsCode) === undefined)
      return {
        code: 'no-tariff-line',
        detail: `HS ${item.hsCode} (goods item ${i + 1}) has no line in the ${territory.id} tariff${
          item.hsCode.length < territory.codeLength ? `: give the full ${territory.codeLength}-digit code` : ''
        }`,
      };
    for (const m of [item.customsValue, item.incidentalCosts])
      if (m !== undefined && m.currency !== territory.currency)
        return { code: 'not-valued', detail: `goods item ${i + 1} is not valued in ${territory.currency}` };
  }
  return undefined;
};

/**
 * docs/customs.md §4–§5: duty = rate × customs value; VAT = rate × (customs value + duty, and in the EU the costs after
 * entry up to the first place of destination); per line, each rounded half-up to the minor unit.
 */
const assessLine = (territory: Territory, vatRate: string, item: GoodsItem, index: number): DutyLine => {
  const { currency } = territory;
  const { customsValue } = item;
  const resolved = resolveTariffLine(territory, item.hsCode) ?? { tariffLine: 'default', rate: '0' };
  const duty = percentOf(customsValue, resolved.rate);
  const incidental =
    territory.vatBase === 'customs_value_duty_and_costs_to_destination' && item.incidentalCosts !== undefined
      ? item.incidentalCosts
      : money('0', currency);
  const vatBase = addMoney(addMoney(customsValue, duty), incidental);
  const vat = percentOf(vatBase, vatRate);
  return {
    item: index + 1,
    hsCode: item.hsCode,
    tariffLine: resolved.tariffLine,
    customsValue,
    dutyRate: resolved.rate,
    duty,
    vatBase,
    vatRate,
    vat,
  };
};

/**
 * Duty and import VAT/GST of goods valued in the currency of `office`'s territory (valuation/value-goods.ts): each
 * line rounded half-up to the minor unit, totals the sums of the lines (docs/customs.md §6).
 */
export const assessDuties = (goods: readonly GoodsItem[], office: Locode, tariff: Tariff): DutiesResult => {
  const territory = territoryOf(tariff, office);
  if (territory === undefined) return { ok: false, code: 'no-tariff-for-office', detail: `no tariff covers ${office}` };
  const vatRate = territory.vat[countryOf(office)];
  if (vatRate === undefined)
    return { ok: false, code: 'no-vat-rate', detail: `no VAT rate for ${countryOf(office)} in ${territory.id}` };
  const problem = problemOf(goods, territory);
  if (problem !== undefined) return { ok: false, ...problem };
  const lines = goods.map((item, index) => assessLine(territory, vatRate, item, index));
  const total = (pick: (l: DutyLine) => Money): Money => sumMoney(lines.map(pick), territory.currency);
  return { ok: true, duties: { duty: total((l) => l.duty), vat: total((l) => l.vat), lines } };
};
