import { z } from 'zod';

/** docs/contract.md §8: HS codes are strings of 6–10 digits; docs/codes.md §5: compare across countries on the first 6. */
export const HsCode = z.string().regex(/^\d{6,10}$/, 'must be an HS code of 6 to 10 digits');
export type HsCode = z.infer<typeof HsCode>;

export const hsSubheading = (code: string): string => code.slice(0, 6);
export const hsHeading = (code: string): string => code.slice(0, 4);
