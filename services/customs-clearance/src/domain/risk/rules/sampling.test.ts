import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import type { RiskConfig } from '../config.ts';
import { input } from '../testing.ts';
import { samplingRule } from './sampling.ts';

const rates = (yellowRate: number, redRate: number): RiskConfig => ({
  ...riskConfig,
  sampling: { ...riskConfig.sampling, yellowRate, redRate },
});

describe('sampling rule', () => {
  it('sends a sampled declaration to yellow', () =>
    expect(samplingRule.assess(input(), rates(1, 0))).toEqual([
      { rule: 'sampling', score: 0, floor: 'yellow', reason: 'sampling: selected for documentary check' },
    ]));

  it('sends the red share to red', () => expect(samplingRule.assess(input(), rates(0, 1))[0]?.floor).toBe('red'));

  it('samples nothing at rate 0 (docs/shipments.md b)', () =>
    expect(samplingRule.assess(input(), rates(0, 0))).toEqual([]));

  it('exempts an AEO principal when configured', () =>
    expect(samplingRule.assess(input({ exporter: { id: 'shipper', aeo: true } }), rates(1, 0))).toEqual([]));

  it('samples an AEO principal when not exempt', () => {
    const config = { ...rates(1, 0), sampling: { ...rates(1, 0).sampling, aeoExempt: false } };
    expect(samplingRule.assess(input({ exporter: { id: 'shipper', aeo: true } }), config)).toHaveLength(1);
  });
});
