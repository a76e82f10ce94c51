import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseConfigShape, loadConfig } from '@railbill/platform';
import { z } from 'zod';
import { parseTariff } from './domain/duties/tariff.ts';
import type { DecideEnv } from './domain/env.ts';
import { parseRiskConfig } from './domain/risk/config.ts';

const repoFile = (name: string): string => fileURLToPath(new URL(`../config/${name}`, import.meta.url));

const readRules = <T>(file: string, what: string, parse: (json: unknown) => T): T => {
  try {
    return parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    // fail fast at start (docs/architecture.md §3): a service with unreadable rules must not lodge anything
    throw new Error(`invalid ${what} file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/**
 * docs/contract.md §7 configuration with local defaults, plus the risk rules and tariff (docs/contract.md §5: explicit, configurable),
 * read and validated once at start.
 */
export const loadCustomsConfig = (env: NodeJS.ProcessEnv = process.env) => {
  const config = loadConfig(
    {
      ...baseConfigShape,
      PORT: z.coerce.number().int().positive().default(3003),
      DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/railbill_customs_clearance'),
      RISK_RULES_FILE: z.string().min(1).default(repoFile('risk-rules.json')),
      TARIFF_FILE: z.string().min(1).default(repoFile('tariff.json')),
    },
    env,
  );
  const rules: DecideEnv = {
    risk: readRules(config.RISK_RULES_FILE, 'risk rules', parseRiskConfig),
    tariff: readRules(config.TARIFF_FILE, 'tariff', parseTariff),
  };
  return { ...config, rules };
};
export type CustomsConfig = ReturnType<typeof loadCustomsConfig>;
