import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import { input, item } from '../testing.ts';
import { originListRule } from './origin-list.ts';

describe('origin-list rule', () => {
  it('fires once per listed origin', () =>
    expect(
      originListRule.assess(input({ goods: [item({ origin: 'KP' }), item({ origin: 'KP' }), item()] }), riskConfig),
    ).toEqual([{ rule: 'origin-list', score: 30, reason: 'origin-list: goods originate in KP' }]));

  it('does not fire on other origins', () => expect(originListRule.assess(input(), riskConfig)).toEqual([]));
});
