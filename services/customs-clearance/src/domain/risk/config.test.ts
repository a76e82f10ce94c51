import { describe, expect, it } from 'vitest';
import riskRules from '../../../config/risk-rules.json' with { type: 'json' };
import { parseRiskConfig } from './config.ts';

describe('risk config', () => {
  it('parses the repository rules file', () =>
    expect(parseRiskConfig(riskRules).massDiscrepancy.tolerancePercent).toBe('10'));

  it('refuses sampling rates that add up to more than 1', () =>
    expect(() =>
      parseRiskConfig({ ...riskRules, sampling: { ...riskRules.sampling, yellowRate: 0.9, redRate: 0.2 } }),
    ).toThrow());

  it('refuses unknown keys', () => expect(() => parseRiskConfig({ ...riskRules, extra: 1 })).toThrow());
});
