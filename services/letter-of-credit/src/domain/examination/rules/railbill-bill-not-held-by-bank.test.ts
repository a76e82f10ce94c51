import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA, party } from '../../testing/shipments.ts';
import { billNotHeldByBank } from './railbill-bill-not-held-by-bank.ts';

describe('BILL_NOT_HELD_BY_BANK', () => {
  it('complies when the nominated bank holds the bill', () =>
    expect(billNotHeldByBank.check(inputA())).toBeUndefined());
  it('complies when the issuing bank holds it', () =>
    expect(billNotHeldByBank.check(inputA({ bill: { ...billA, holder: party.rrhb } }))).toBeUndefined());
  it('fires while the shipper still holds it (docs/shipments.md negative fixture)', () =>
    expect(billNotHeldByBank.check(inputA({ bill: { ...billA, holder: party.yunxi } }))).toContain(party.yunxi));
  it('fires for an advising bank that does not confirm', () =>
    expect(
      billNotHeldByBank.check(
        inputA({ bill: { ...billA, holder: party.yzcb } }, { nominatedBank: party.rrhb, confirmation: 'without' }),
      ),
    ).toBeDefined());
});
