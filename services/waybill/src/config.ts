import { baseConfigShape, loadConfig } from '@railbill/platform';
import { z } from 'zod';

/** docs/contract.md §7 configuration with local defaults. */
export const loadWaybillConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(
    {
      ...baseConfigShape,
      PORT: z.coerce.number().int().positive().default(3001),
      DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/railbill_waybill'),
    },
    env,
  );
export type WaybillConfig = ReturnType<typeof loadWaybillConfig>;
