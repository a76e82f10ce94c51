import type { CurrencyCode, ExchangeRate, LocalDate } from '@railbill/contracts';
import type { DatedRate } from '../duties/tariff.ts';

/**
 * The customs exchange rate `from` → `to` valid on `date` (UCC art. 53: the rate published for the period the
 * declaration is accepted in), or undefined when the table has none: never a guess, an inverse or a neighbour.
 */
export const rateOn = (
  rates: readonly DatedRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  date: LocalDate,
): ExchangeRate | undefined => {
  const found = rates.find((r) => r.from === from && r.to === to && r.validFrom <= date && date <= r.validTo);
  return found === undefined
    ? undefined
    : { rate: found.rate, from, to, validFrom: found.validFrom, validTo: found.validTo };
};
