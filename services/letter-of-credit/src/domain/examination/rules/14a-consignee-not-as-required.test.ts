import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA, party } from '../../testing/shipments.ts';
import { consigneeNotAsRequired } from './14a-consignee-not-as-required.ts';

describe('CONSIGNEE_NOT_AS_REQUIRED', () => {
  it('complies when to order of the required party', () =>
    expect(consigneeNotAsRequired.check(inputA())).toBeUndefined());
  it('fires when to order of another party', () =>
    expect(consigneeNotAsRequired.check(inputA({ bill: { ...billA, toOrderOf: party.yzcb } }))).toContain(party.yzcb));
  it('fires for a straight waybill', () =>
    expect(
      consigneeNotAsRequired.check(inputA({ bill: { ...billA, type: 'waybill', toOrderOf: null } })),
    ).toBeDefined());
});
