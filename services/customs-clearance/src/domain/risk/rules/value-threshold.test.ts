import { money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import { input, item } from '../testing.ts';
import { valueThresholdRule } from './value-threshold.ts';

const worth = (...amounts: string[]) => input({ goods: amounts.map((a) => item({ customsValue: money(a, 'USD') })) });

describe('value-threshold rule', () => {
  it('fires when the goods together are worth more than the threshold', () =>
    expect(valueThresholdRule.assess(worth('624000.00', '624000.00'), riskConfig)).toEqual([
      {
        rule: 'value-threshold',
        score: 30,
        reason: 'value-threshold: customs value USD 1248000.00 is above USD 1000000.00',
      },
    ]));

  it('does not fire at the threshold itself', () =>
    expect(valueThresholdRule.assess(worth('1000000.00'), riskConfig)).toEqual([]));

  it('does not fire for a currency with no threshold', () =>
    expect(
      valueThresholdRule.assess(input({ goods: [item({ customsValue: money('9999999', 'JPY') })] }), riskConfig),
    ).toEqual([]));
});
