import { hit, principalOf, type RiskRule } from '../rule.ts';
import { sampleDraw } from '../sampler.ts';

/** A seeded random share goes to red, a larger one to yellow; AEO principals may be exempt (docs/customs.md). */
export const samplingRule: RiskRule = {
  id: 'sampling',
  assess: ({ subject, declarationId }, { sampling: config }) => {
    if (config.aeoExempt && principalOf(subject).aeo) return [];
    const draw = sampleDraw(config.seed, declarationId);
    if (draw < config.redRate) return [hit('sampling', 0, 'sampling: selected for physical examination', 'red')];
    if (draw < config.redRate + config.yellowRate)
      return [hit('sampling', 0, 'sampling: selected for documentary check', 'yellow')];
    return [];
  },
};
