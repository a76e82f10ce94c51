import { z } from 'zod';

// docs/codes.md §2: letter values start at A = 10 and skip multiples of 11.
const letterValues: Readonly<Record<string, number>> = (() => {
  const values: Record<string, number> = {};
  let v = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v += 1;
    values[letter] = v;
    v += 1;
  }
  return values;
})();

const charValue = (c: string): number => letterValues[c] ?? Number.parseInt(c, 10);

/** ISO 6346 check digit of the first 10 characters: Σ value·2^i mod 11, 10 → 0. */
export const iso6346CheckDigit = (first10: string): number => {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += charValue(first10.charAt(i)) * 2 ** i;
  return (sum % 11) % 10;
};

export const isValidContainerNumber = (value: string): boolean =>
  /^[A-Z]{3}[UJZ]\d{6}\d$/.test(value) && iso6346CheckDigit(value.slice(0, 10)) === Number(value.charAt(10));

export const ContainerNumber = z
  .string()
  .regex(/^[A-Z]{3}[UJZ]\d{7}$/, 'must be an ISO 6346 container number such as CSQU3054383')
  .refine(isValidContainerNumber, 'ISO 6346 check digit does not match');
export type ContainerNumber = z.infer<typeof ContainerNumber>;
