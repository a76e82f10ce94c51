import type { Tariff } from './duties/tariff.ts';
import type { RiskConfig } from './risk/config.ts';

/** Outside facts `decide` reads besides the command: the configured risk rules and tariff (loaded once at start). */
export type DecideEnv = Readonly<{ risk: RiskConfig; tariff: Tariff }>;
