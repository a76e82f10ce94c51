import { z } from 'zod';

/** Environment shared by every service (docs/contract.md §7). Services extend it with their own keys. */
export const baseConfigShape = {
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  RAILBILL_PARTIES: z.string().optional(),
  RAILBILL_PARTIES_JSON: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  HOST: z.string().default('127.0.0.1'),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  RAILBILL_FAILPOINTS: z.string().default(''),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
};

/**
 * Parses `process.env` once at start and fails fast with every problem listed (docs/architecture.md §3: the only reader of env).
 */
export const loadConfig = <S extends z.ZodRawShape>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<S>> => {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
};

export const brokersOf = (value: string): string[] =>
  value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
