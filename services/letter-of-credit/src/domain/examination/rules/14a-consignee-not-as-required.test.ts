import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA, party } from '../../testing/shipments.ts';
import { consigneeNotAsRequired } from './14a-consignee-not-as-required.ts';

describe('CONSIGNEE_NOT_AS_REQUIRED', () => {
  it('complies when to order of the required party', () =>
    expect(consigneeNotAsRequired.check(inputA())).toBeUndefined());
  it('fires when to order of another party', () =>
    expect(consigneeNotAsRequired.check(inputA({ bill: { ...billA, toOrderOf: party.yzcb } }))).toContain(party.yzcb));
  it('asks for a bearer bill when the credit wants the bill endorsed in blank (docs/title.md)', () => {
    const blank = (bill: typeof billA) =>
      inputA({
        bill,
        terms: { ...inputA().terms, documentsRequired: [{ kind: 'railway_bill_of_lading', blankEndorsed: true }] },
      });
    expect(consigneeNotAsRequired.check(blank({ ...billA, orderOf: null }))).toBeUndefined();
    expect(consigneeNotAsRequired.check(blank({ ...billA, orderOf: party.rrhb }))).toContain('not endorsed in blank');
  });
  it('fires for a straight waybill', () =>
    expect(
      consigneeNotAsRequired.check(inputA({ bill: { ...billA, type: 'waybill', toOrderOf: null } })),
    ).toBeDefined());
});
