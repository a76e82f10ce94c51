import type { Channel } from '@railbill/contracts';
import type { RiskConfig } from './config.ts';
import type { RiskInput, RiskRule, RuleHit } from './rule.ts';
import { aeoRule } from './rules/aeo.ts';
import { massDiscrepancyRule } from './rules/mass-discrepancy.ts';
import { originListRule } from './rules/origin-list.ts';
import { restrictedHsCodeRule } from './rules/restricted-hs-code.ts';
import { samplingRule } from './rules/sampling.ts';
import { valueThresholdRule } from './rules/value-threshold.ts';

/** Every rule the engine applies, in the order their reasons are listed. */
export const riskRules: readonly RiskRule[] = [
  restrictedHsCodeRule,
  valueThresholdRule,
  massDiscrepancyRule,
  originListRule,
  aeoRule,
  samplingRule,
];

export type RiskAssessment = Readonly<{
  channel: Channel;
  score: number;
  /** `<rule-id>: <why>` for every hit, lowering ones (AEO) included. */
  reasons: readonly string[];
  hits: readonly RuleHit[];
}>;

const rank: Readonly<Record<Channel, number>> = { green: 0, yellow: 1, red: 2 };

/** The stricter of two channels. */
export const higherChannel = (a: Channel, b: Channel): Channel => (rank[b] > rank[a] ? b : a);

const channelOfScore = (score: number, { channels }: RiskConfig): Channel =>
  score >= channels.redFrom ? 'red' : score >= channels.yellowFrom ? 'yellow' : 'green';

/** docs/contract.md §5: the channel from explicit rules; each hit is recorded so the choice can be explained. */
export const assessRisk = (
  input: RiskInput,
  config: RiskConfig,
  rules: readonly RiskRule[] = riskRules,
): RiskAssessment => {
  const hits = rules.flatMap((rule) => rule.assess(input, config));
  const score = hits.reduce((sum, h) => sum + h.score, 0);
  const channel = hits.reduce<Channel>(
    (current, h) => (h.floor === undefined ? current : higherChannel(current, h.floor)),
    channelOfScore(score, config),
  );
  return { channel, score, reasons: hits.map((h) => h.reason), hits };
};

export const ruleFired = (assessment: RiskAssessment, rule: string): boolean =>
  assessment.hits.some((h) => h.rule === rule);
