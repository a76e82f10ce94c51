import { CountryCode, CurrencyCode, DecimalString, type Locode } from '@railbill/contracts';
import { z } from 'zod';

/** customs.md §5: duty rates (percent, ad valorem) by HS prefix; the longest matching prefix wins. */
const TariffLine = z.strictObject({ hsPrefix: z.string().regex(/^\d{2,10}$/), rate: DecimalString, goods: z.string() });

/** A customs territory: the countries it covers, its currency, its duty lines and VAT/GST per member country. */
const Territory = z.strictObject({
  id: z.string().min(1),
  currency: CurrencyCode,
  countries: z.array(CountryCode).min(1),
  /** Rate for an HS code no line matches; absent: such goods cannot be assessed (lodging is refused). */
  defaultDutyRate: DecimalString.optional(),
  duties: z.array(TariffLine),
  vat: z.partialRecord(CountryCode, DecimalString),
});
export type Territory = z.infer<typeof Territory>;

export const Tariff = z.strictObject({
  /** customs.md §6 step 5: round each line half-up to the minor unit; totals are the sums of the lines. */
  rounding: z.literal('half_up_per_line'),
  /** Illustrative customs exchange rates (shipments.md), `1 from = rate to`. */
  exchangeRates: z.array(z.strictObject({ from: CurrencyCode, to: CurrencyCode, rate: DecimalString })),
  territories: z.array(Territory),
});
export type Tariff = z.infer<typeof Tariff>;

/** Parses the tariff file's JSON; throws (a start-up failure) when it does not fit the schema. */
export const parseTariff = (json: unknown): Tariff => Tariff.parse(json);

export const countryOf = (locode: Locode): string => locode.slice(0, 2);

export const territoryOf = (tariff: Tariff, locode: Locode): Territory | undefined =>
  tariff.territories.find((t) => t.countries.includes(countryOf(locode)));
