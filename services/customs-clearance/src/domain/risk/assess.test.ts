import { describe, expect, it } from 'vitest';
import { riskConfig } from '../testing/fixtures.ts';
import { assessRisk, higherChannel } from './assess.ts';
import type { RiskConfig } from './config.ts';
import { input, item } from './testing.ts';

const noSampling: RiskConfig = { ...riskConfig, sampling: { ...riskConfig.sampling, yellowRate: 0, redRate: 0 } };

describe('assessRisk', () => {
  it('is green with no reasons when nothing fires', () =>
    expect(assessRisk(input(), noSampling)).toEqual({ channel: 'green', score: 0, reasons: [], hits: [] }));

  it('goes yellow from the yellow threshold and red from the red one', () => {
    expect(assessRisk(input({ goods: [item({ origin: 'IR' })] }), noSampling).channel).toBe('yellow');
    const both = input({ goods: [item({ origin: 'IR', customsValue: { amount: '2000000.00', currency: 'USD' } })] });
    expect(assessRisk(both, noSampling)).toMatchObject({ channel: 'red', score: 60 });
  });

  it('lets AEO credit bring a score back under a threshold', () =>
    expect(
      assessRisk(input({ goods: [item({ origin: 'IR' })], exporter: { id: 'shipper', aeo: true } }), noSampling),
    ).toMatchObject({ channel: 'green', score: 10 }));

  it('keeps a floor whatever the score', () =>
    expect(
      assessRisk(input({ goods: [item({ hsCode: '930190' })], exporter: { id: 'shipper', aeo: true } }), noSampling),
    ).toMatchObject({ channel: 'red', score: -20 }));

  it('lists every hit as a reason prefixed by its rule id', () =>
    expect(
      assessRisk(input({ goods: [item({ origin: 'SY', hsCode: '930190' })] }), noSampling).reasons.map(
        (r) => r.split(':')[0],
      ),
    ).toEqual(['restricted-hs-code', 'origin-list']));

  it('orders channels green < yellow < red', () => {
    expect(higherChannel('yellow', 'red')).toBe('red');
    expect(higherChannel('red', 'green')).toBe('red');
  });
});
