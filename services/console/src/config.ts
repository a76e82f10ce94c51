import { baseConfigShape, loadConfig } from '@railbill/platform';
import { z } from 'zod';

/** docs/contract.md §7 configuration with local defaults. */
export const loadConsoleConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(
    {
      ...baseConfigShape,
      PORT: z.coerce.number().int().positive().default(3000),
      DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/railbill_console'),
      /** How often the page's SSE stream sends a keep-alive comment. */
      STREAM_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
      /** How long a stream ticket (POST /api/stream-tickets) may wait to be redeemed. */
      STREAM_TICKET_TTL_MS: z.coerce.number().int().positive().default(30_000),
      /** A consumer group more records behind than this shows on the attention panel. */
      CONSOLE_LAG_THRESHOLD: z.coerce.number().int().min(0).default(100),
    },
    env,
  );
export type ConsoleConfig = ReturnType<typeof loadConsoleConfig>;

/** The consumer groups of the system whose dead letters and lag the console shows (docs/contract.md §6: group = service). */
export const watchedGroups = ['waybill', 'letter-of-credit', 'customs-clearance', 'console'] as const;
