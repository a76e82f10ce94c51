import { z } from 'zod';

/** ISO 4217 codes railbill accepts, with their minor units (docs/codes.md §3). */
export const currencyMinorUnits = {
  CNY: 2,
  EUR: 2,
  USD: 2,
  SGD: 2,
  KZT: 2,
  RUB: 2,
  BYN: 2,
  PLN: 2,
  GBP: 2,
  JPY: 0,
} as const;

export type CurrencyCode = keyof typeof currencyMinorUnits;
const codes = Object.keys(currencyMinorUnits) as [CurrencyCode, ...CurrencyCode[]];

export const CurrencyCode = z.enum(codes, { error: 'must be an ISO 4217 currency code railbill supports' });

export const minorUnits = (currency: CurrencyCode): number => currencyMinorUnits[currency];
