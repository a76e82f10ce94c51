import { baseConfigShape, loadConfig } from '@railbill/platform';
import { z } from 'zod';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * docs/contract.md §7 configuration with local defaults. `TIME_ZONE` (IANA, default Asia/Shanghai: the nominated banks of the
 * sample credits sit in Chongqing) turns the clock into the LC dates of commands (`today`: presentation date, expiry
 * check); `EXPIRY_CHECK_MS` (default one hour) is how often the expiry job examines due waiting presentations and looks
 * for overdue credits.
 */
export const loadLetterOfCreditConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(
    {
      ...baseConfigShape,
      PORT: z.coerce.number().int().positive().default(3002),
      DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/railbill_letter_of_credit'),
      TIME_ZONE: z
        .string()
        .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
        .default('Asia/Shanghai'),
      EXPIRY_CHECK_MS: z.coerce.number().int().positive().default(3_600_000),
    },
    env,
  );
export type LetterOfCreditConfig = ReturnType<typeof loadLetterOfCreditConfig>;
