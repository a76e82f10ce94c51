import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import type { Submit } from '../commands.ts';
import { decider } from '../decide.ts';
import { submitted, t } from '../testing/builders.ts';
import {
  chongqingDuisburg,
  chongqingQinzhouSingapore,
  ilstcRailLeg,
  ilstcSeaLeg,
  parties,
  roles,
  straightWaybillHamburg,
} from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

const submit = (content = chongqingDuisburg(), overrides: Partial<Submit> = {}): Submit => ({
  type: 'submit',
  by: { id: content.shipper, role: 'shipper' },
  at: t.submitted,
  waybillId: '01960000-0000-7000-8000-000000000001',
  content,
  roles,
  ...overrides,
});

describe('submit', () => {
  it('records the Chongqing → Duisburg bill of lading', () =>
    given().when(submit()).then(submitted(chongqingDuisburg())));

  it('records the rail+ bill whose sea leg starts where the rail leg ends', () =>
    given().when(submit(chongqingQinzhouSingapore())).then(submitted(chongqingQinzhouSingapore())));

  it('records a straight waybill', () =>
    given().when(submit(straightWaybillHamburg())).then(submitted(straightWaybillHamburg())));

  it('carries a goods line’s quantity and unit value in the event (customs values the line by them)', () => {
    const content = straightWaybillHamburg();
    expect(content.goods.map((g) => [g.quantity?.value, g.unitValue?.amount])).toEqual([
      ['95', '400.00'],
      ['2200', '10.00'],
    ]);
    given().when(submit(content)).then(submitted(content));
  });

  it('accepts legs given out of order when their sequences chain', () => {
    const content = chongqingQinzhouSingapore({ legs: [ilstcSeaLeg, ilstcRailLeg] });
    given().when(submit(content)).then(submitted(content));
  });

  it('compares places through aliases (CNCKG ≡ CNCQI)', () => {
    const content = chongqingDuisburg({ placeOfReceipt: 'CNCKG' });
    given().when(submit(content)).then(submitted(content));
  });

  it('accepts a well-formed unknown UN/LOCODE with a warning per place', () => {
    const content = chongqingDuisburg({
      placeOfDelivery: 'DEXYZ',
      legs: [{ sequence: 1, mode: 'rail', carrier: parties.silkrail.id, from: 'CNCQI', to: 'DEXYZ' }],
    });
    given()
      .when(submit(content))
      .then(
        submitted(content, ['unknown UN/LOCODE DEXYZ at placeOfDelivery', 'unknown UN/LOCODE DEXYZ at legs[0].to']),
      );
  });

  describe('legs that do not chain (rule)', () =>
    refuses(
      [],
      [
        [
          'a leg that starts elsewhere than the previous one ended',
          submit(chongqingQinzhouSingapore({ legs: [ilstcRailLeg, { ...ilstcSeaLeg, from: 'CNNGB' }] })),
          'rule',
          'legs-do-not-chain',
        ],
        [
          'a first leg that does not start at the place of receipt',
          submit(chongqingDuisburg({ placeOfReceipt: 'CNCDU' })),
          'rule',
          'legs-do-not-chain',
        ],
        [
          'a last leg that does not end at the place of delivery',
          submit(chongqingDuisburg({ placeOfDelivery: 'DEHAM' })),
          'rule',
          'legs-do-not-chain',
        ],
        [
          'sequences that leave a gap',
          submit(chongqingQinzhouSingapore({ legs: [ilstcRailLeg, { ...ilstcSeaLeg, sequence: 3 }] })),
          'rule',
          'legs-do-not-chain',
        ],
      ],
    ));

  describe('parties outside their role (rule)', () =>
    refuses(
      [],
      [
        [
          'a bank as consignee',
          submit(chongqingDuisburg({ consignee: parties.rrhb.id })),
          'rule',
          'party-role-mismatch',
        ],
        [
          'a shipper as carrier of a leg',
          submit(
            chongqingDuisburg({ legs: chongqingDuisburg().legs.map((l) => ({ ...l, carrier: parties.bayu.id })) }),
          ),
          'rule',
          'party-role-mismatch',
        ],
        ['an unknown notify party', submit(chongqingDuisburg({ notifyParty: 'nobody' })), 'rule', 'unknown-party'],
        ['an unknown to-order party', submit(chongqingDuisburg({ toOrderOf: 'nobody' })), 'rule', 'unknown-party'],
      ],
    ));

  refuses(
    [],
    [
      [
        'a straight waybill consigned to order',
        submit(straightWaybillHamburg({ toOrderOf: parties.rrhb.id })),
        'rule',
        'consignment-mismatch',
      ],
      ['a consignee submitting', submit(chongqingDuisburg(), { by: parties.rheinhafen }), 'forbidden', 'not-shipper'],
      [
        'a shipper submitting in the name of another shipper',
        submit(chongqingDuisburg(), { by: parties.bayu }),
        'forbidden',
        'not-shipper',
      ],
      ['an operator', submit(chongqingDuisburg(), { by: parties.operator }), 'forbidden', 'read-only'],
    ],
  );

  it('refuses a second submission of the same waybill (conflict)', () =>
    given(submitted(chongqingDuisburg())).when(submit()).thenRejects('conflict', 'already-exists'));
});
