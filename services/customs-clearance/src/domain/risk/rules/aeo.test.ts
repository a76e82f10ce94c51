import { describe, expect, it } from 'vitest';
import { riskConfig } from '../../testing/fixtures.ts';
import { input } from '../testing.ts';
import { aeoRule } from './aeo.ts';

describe('aeo rule', () => {
  it('credits an AEO exporter on an export', () =>
    expect(
      aeoRule.assess(
        input({ exporter: { id: 'shipper', aeo: true }, declarant: { id: 'shipper', aeo: true } }),
        riskConfig,
      ),
    ).toEqual([{ rule: 'aeo', score: -20, reason: 'aeo: shipper (principal) is an authorised economic operator' }]));

  it('credits less an AEO party that is not the principal (the exporter quoted on an import)', () =>
    expect(
      aeoRule
        .assess(
          input({
            type: 'import',
            declarant: { id: 'consignee', aeo: false },
            importer: { id: 'consignee', aeo: false },
            exporter: { id: 'shipper', aeo: true },
          }),
          riskConfig,
        )
        .map((h) => h.score),
    ).toEqual([-5]));

  it('takes the declarant as principal of a transit', () =>
    expect(
      aeoRule.assess(
        input({ type: 'transit', declarant: { id: 'carrier', aeo: true }, exporter: { id: 'shipper', aeo: false } }),
        riskConfig,
      )[0]?.reason,
    ).toContain('carrier (principal)'));

  it('does not fire without AEO parties', () => expect(aeoRule.assess(input(), riskConfig)).toEqual([]));
});
