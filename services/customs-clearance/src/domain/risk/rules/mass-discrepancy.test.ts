import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import { input, item } from '../testing.ts';
import { massDeviationPercent, massDiscrepancyRule } from './mass-discrepancy.ts';

const goods = [item({ grossKg: '7900.0' }), item({ grossKg: '1650.0' })];
const observed = (massKg: string, which?: number) => input({ goods }, { observation: { massKg, item: which } });

describe('mass-discrepancy rule', () => {
  it('does not fire within 10 %: 1655 kg against 1650 kg on line 2 (docs/shipments.md d)', () =>
    expect(massDiscrepancyRule.assess(observed('1655', 2), riskConfig)).toEqual([]));

  it('fires beyond 10 % on the item weighed', () =>
    expect(massDiscrepancyRule.assess(observed('1900', 2), riskConfig)).toEqual([
      {
        rule: 'mass-discrepancy',
        score: 60,
        reason: 'mass-discrepancy: item 2 weighed 1900 kg against 1650.0 kg declared (15.15 % > 10 %)',
      },
    ]));

  it('fires on a light consignment weighed as a whole', () =>
    expect(massDiscrepancyRule.assess(observed('8000'), riskConfig)[0]?.reason).toContain(
      'consignment weighed 8000 kg against 9550 kg',
    ));

  it('does not fire at exactly the tolerance', () =>
    expect(massDiscrepancyRule.assess(observed('1815', 2), riskConfig)).toEqual([]));

  it('does not fire without an observation', () =>
    expect(massDiscrepancyRule.assess(input({ goods }), riskConfig)).toEqual([]));

  it('measures the deviation both ways', () => {
    expect(massDeviationPercent('1650', '1485')).toBe('10');
    expect(massDeviationPercent('1650', '1815')).toBe('10');
  });
});
