import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import { input, item } from '../testing.ts';
import { restrictedHsCodeRule } from './restricted-hs-code.ts';

describe('restricted-hs-code rule', () => {
  it('forces red on a dual-use heading, naming the item and the prefix', () =>
    expect(restrictedHsCodeRule.assess(input({ goods: [item(), item({ hsCode: '8526100000' })] }), riskConfig)).toEqual(
      [
        {
          rule: 'restricted-hs-code',
          score: 0,
          floor: 'red',
          reason:
            'restricted-hs-code: item 2 HS 8526100000 is restricted (8526: radar and radio navigation apparatus (dual-use))',
        },
      ],
    ));

  it('does not fire on ordinary goods', () => expect(restrictedHsCodeRule.assess(input(), riskConfig)).toEqual([]));
});
