import { CountryCode, CurrencyCode, DecimalString, LocalDate, type Locode } from '@railbill/contracts';
import { z } from 'zod';

/**
 * A tariff line (docs/customs.md; docs/customs.md §3): ad valorem duty in percent for one commodity code. A code
 * shorter than the territory's full length applies only where `fallback` says its rate holds for every line under it.
 */
const TariffLine = z.strictObject({
  code: z.string().regex(/^\d{6,10}$/),
  rate: DecimalString,
  goods: z.string(),
  fallback: z.boolean().optional(),
});
export type TariffLine = z.infer<typeof TariffLine>;

/** A customs territory: the countries it covers, its currency, its tariff lines and VAT/GST per member country. */
const Territory = z.strictObject({
  id: z.string().min(1),
  currency: CurrencyCode,
  countries: z.array(CountryCode).min(1),
  /** Digits of the territory's full commodity code: 10 for the EU's TARIC, 8 for Singapore's AHTN. */
  codeLength: z.int().min(6).max(10),
  /**
   * What import VAT/GST is charged on besides duty: the EU adds the costs after entry up to the first place of
   * destination (VAT Directive arts. 85–86); Singapore charges GST on the CIF value and duty.
   */
  vatBase: z.enum(['customs_value_duty_and_costs_to_destination', 'customs_value_and_duty']),
  /** Rate for a code no line matches (Singapore: non-dutiable goods); absent: such a code is refused (422). */
  defaultDutyRate: DecimalString.optional(),
  defaultDutyNote: z.string().optional(),
  lines: z.array(TariffLine),
  vat: z.partialRecord(CountryCode, DecimalString),
});
export type Territory = z.infer<typeof Territory>;

/** A customs authority's published rate for a period: 1 `from` = `rate` `to`, from `validFrom` to `validTo`. */
const DatedRate = z.strictObject({
  from: CurrencyCode,
  to: CurrencyCode,
  rate: DecimalString,
  validFrom: LocalDate,
  validTo: LocalDate,
});
export type DatedRate = z.infer<typeof DatedRate>;

export const Tariff = z.strictObject({
  /** docs/customs.md step 5: round each line half-up to the minor unit; totals are the sums of the lines. */
  rounding: z.literal('half_up_per_line'),
  /** Customs exchange rates by period (UCC art. 53: the rate of the month); the shipped table is illustrative. */
  exchangeRates: z.array(DatedRate),
  territories: z.array(Territory),
});
export type Tariff = z.infer<typeof Tariff>;

/** Parses the tariff file's JSON; throws (a start-up failure) when it does not fit the schema. */
export const parseTariff = (json: unknown): Tariff => Tariff.parse(json);

export const countryOf = (locode: Locode): string => locode.slice(0, 2);

export const territoryOf = (tariff: Tariff, locode: Locode): Territory | undefined =>
  tariff.territories.find((t) => t.countries.includes(countryOf(locode)));

export type ResolvedLine = Readonly<{ tariffLine: string; rate: string }>;

/**
 * The most specific line the territory's table has for `hsCode` (docs/contract.md §5): the longest line code the
 * declared code
 * starts with. A line of the full length applies as is; a shorter one only as a fallback the table allows. No line
 * at all: the territory's default rate, if it has one. Undefined: the code cannot be assessed.
 */
export const resolveTariffLine = (territory: Territory, hsCode: string): ResolvedLine | undefined => {
  const matching = territory.lines
    .filter((l) => hsCode.startsWith(l.code))
    .sort((a, b) => b.code.length - a.code.length);
  const line = matching[0];
  if (line === undefined)
    return territory.defaultDutyRate === undefined
      ? undefined
      : { tariffLine: 'default', rate: territory.defaultDutyRate };
  if (line.code.length >= territory.codeLength || line.fallback === true)
    return { tariffLine: line.code, rate: line.rate };
  return undefined;
};
