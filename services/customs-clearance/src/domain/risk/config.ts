import { Channel, CountryCode, CurrencyCode, DecimalString } from '@railbill/contracts';
import { z } from 'zod';

/**
 * The risk engine's configuration (docs/customs.md: rules are configuration, not quotations of any authority).
 * Scores are integers; the channel comes from the total against `channels`, raised by any rule's `floor`.
 */
const Rate = z.number().min(0).max(1);

export const RiskConfig = z.strictObject({
  channels: z.strictObject({ yellowFrom: z.int(), redFrom: z.int() }),
  aeo: z.strictObject({
    /** The party answerable for the declaration: exporter (export), importer (import), declarant (transit). */
    principalScore: z.int().max(0),
    /** Any other AEO party on it (e.g. the exporter quoted on an import, docs/customs.md MRAs). */
    otherPartyScore: z.int().max(0),
  }),
  restrictedHsCodes: z.strictObject({
    channel: Channel,
    score: z.int(),
    prefixes: z.array(z.strictObject({ prefix: z.string().regex(/^\d{2,10}$/), label: z.string().min(1) })),
  }),
  valueThreshold: z.strictObject({
    score: z.int(),
    /** Per currency: a declaration whose goods total more than this in that currency scores. */
    thresholds: z.partialRecord(CurrencyCode, DecimalString),
  }),
  massDiscrepancy: z.strictObject({ score: z.int(), tolerancePercent: DecimalString }),
  originList: z.strictObject({ score: z.int(), countries: z.array(CountryCode) }),
  sampling: z
    .strictObject({ seed: z.string().min(1), yellowRate: Rate, redRate: Rate, aeoExempt: z.boolean() })
    .refine((s) => s.yellowRate + s.redRate <= 1, { message: 'yellowRate + redRate must not exceed 1' }),
});
export type RiskConfig = z.infer<typeof RiskConfig>;

/** Parses the rules file's JSON; throws (a start-up failure) when it does not fit the schema. */
export const parseRiskConfig = (json: unknown): RiskConfig => RiskConfig.parse(json);
