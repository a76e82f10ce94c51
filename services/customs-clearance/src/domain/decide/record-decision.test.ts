import type { CustomsEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { customsDecider } from '../decide.ts';
import {
  decision,
  lodged,
  lodgeExport,
  lodgeImport,
  openTransit,
  paidBy,
  payDuties,
  sampledTo,
} from '../testing/builders.ts';
import { billA, billD, env, ids, parties, t } from '../testing/fixtures.ts';

const { given, refuses } = deciderSpec(customsDecider(env));

const { customsDe, customsPl, elbufer, rheinhafen } = parties;
const ref = { waybillId: ids.waybillD, declarationType: 'import', office: 'DEHAM', at: t.decided } as const;
const act = (outcome: string) => ({ ...ref, by: 'customs-de', reason: `${outcome} by customs-de` });

/** docs/shipments.md (d): import at DEHAM by a non-AEO consignee, sampled, its duties paid while under control. */
const unpaidYellow = lodged(lodgeImport(billD(), elbufer), sampledTo('yellow'));
const yellow = paidBy(elbufer, unpaidYellow);
const red = paidBy(elbufer, lodged(lodgeImport(billD(), elbufer), sampledTo('red')));
const held: CustomsEvent = { type: 'customs.held', data: { ...act('hold'), status: 'held' } };
const inspecting: CustomsEvent = {
  type: 'customs.inspection_ordered',
  data: { ...act('inspect'), status: 'under_control' },
};

const released: CustomsEvent = { type: 'customs.released', data: { ...act('release'), status: 'released' } };
const rejected: CustomsEvent = { type: 'customs.rejected', data: { ...act('reject'), status: 'rejected' } };

describe('recordDecision on a yellow case', () => {
  it.each([
    ['release', released],
    ['hold', held],
    ['reject', rejected],
  ] as const)('%s decides it', (outcome, event) =>
    given(...yellow)
      .when(decision(customsDe, outcome))
      .then(event),
  );

  it('orders an inspection, which moves it to red', () =>
    given(...yellow)
      .when(decision(customsDe, 'inspect'))
      .thenState((s) => expect(s).toMatchObject({ status: 'under_control', channel: 'red', inspectionOrdered: true })));

  refuses(yellow, [
    ['a non-customs party on the bill', decision(elbufer, 'release'), 'forbidden', 'not-customs'],
    [
      'customs of another office as if there were no declaration',
      decision(customsPl, 'release'),
      'not_found',
      'declaration-not-found',
    ],
    ['an item named without an observed mass', decision(customsDe, 'hold', { item: 1 }), 'rule', 'item-without-mass'],
    [
      'an observation on an item the declaration does not have',
      decision(customsDe, 'hold', { observedMassKg: '10', item: 3 }),
      'rule',
      'no-such-item',
    ],
  ]);
});

describe('recordDecision on a red case', () => {
  it('refuses release before an inspection (conflict)', () =>
    given(...red)
      .when(decision(customsDe, 'release'))
      .thenRejects('conflict', 'inspection-required'));

  it('records the observed mass with the inspection: 1655 kg on line 2 is within 10 % (docs/shipments.md d)', () => {
    const [assessed, ordered] = given(...red)
      .when(decision(customsDe, 'inspect', { observedMassKg: '1655', item: 2 }))
      .thenTypes('customs.risk_assessed', 'customs.inspection_ordered');
    expect(assessed?.data).toMatchObject({
      channel: 'red',
      observedMassKg: '1655',
      observedItem: 2,
      status: 'under_control',
    });
    expect(ordered?.data).toMatchObject({ status: 'under_control', by: 'customs-de' });
  });

  it('releases after the inspection', () =>
    given(...red, inspecting)
      .when(decision(customsDe, 'release', { observedMassKg: '1655', item: 2 }))
      .thenTypes('customs.risk_assessed', 'customs.released'));

  it('refuses release when the observed mass is more than 10 % off (rule)', () =>
    given(...red, inspecting)
      .when(decision(customsDe, 'release', { observedMassKg: '1900', item: 2 }))
      .thenRejects('rule', 'mass-discrepancy'));

  it('holds on a mass discrepancy, recording why', () =>
    given(...red, inspecting)
      .when(decision(customsDe, 'hold', { observedMassKg: '1900', item: 2 }))
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'held', observedMassKg: '1900' });
        if (s.status !== 'initial')
          expect(s.riskReasons.some((r) => r.startsWith('mass-discrepancy: item 2'))).toBe(true);
      }));

  it('refuses a second inspection (conflict)', () =>
    given(...red, inspecting)
      .when(decision(customsDe, 'inspect'))
      .thenRejects('conflict', 'inspection-already-ordered'));
});

describe('recordDecision on a held case', () => {
  it('can still release it', () =>
    given(...yellow, held)
      .when(decision(customsDe, 'release'))
      .thenTypes('customs.released'));

  it('can still reject it', () =>
    given(...yellow, held)
      .when(decision(customsDe, 'reject'))
      .thenState((s) => expect(s).toMatchObject({ status: 'rejected', acts: [{ act: 'held' }, { act: 'rejected' }] })));

  refuses(
    [...yellow, held],
    [
      ['holding again', decision(customsDe, 'hold'), 'conflict', 'already-held'],
      ['an inspection', decision(customsDe, 'inspect'), 'conflict', 'held'],
    ],
  );
});

describe('recordDecision on a case awaiting none', () => {
  it('refuses a green release (conflict)', () =>
    given(...lodged(lodgeImport(billA(), rheinhafen)))
      .when(decision(customsDe, 'hold'))
      .thenRejects('conflict', 'not-under-control'));

  it('refuses a rejected declaration (conflict)', () =>
    given(...yellow, rejected)
      .when(decision(customsDe, 'release'))
      .thenRejects('conflict', 'not-under-control'));

  it('refuses the office of destination deciding a transit (forbidden)', () =>
    given(...lodged(openTransit(billA()), sampledTo('yellow')))
      .when(decision(customsDe, 'release'))
      .thenRejects('forbidden', 'not-office'));

  it('lets the office of departure decide a transit', () =>
    given(...lodged(openTransit(billA()), sampledTo('yellow')))
      .when(decision(customsPl, 'release'))
      .thenTypes('customs.released'));

  it('refuses an operator (forbidden)', () =>
    given(...lodged(lodgeExport(billA()), sampledTo('red')))
      .when(decision(parties.operator, 'release'))
      .thenRejects('forbidden', 'read-only'));
});

describe('recordDecision on an import whose duties are unpaid (docs/contract.md §5)', () => {
  it('moves an officer’s release to accepted, recording the officer', () =>
    given(...unpaidYellow)
      .when(decision(customsDe, 'release'))
      .then({ type: 'customs.accepted', data: { ...act('release'), status: 'accepted' } }));

  it('releases on the later payment', () =>
    given(...unpaidYellow, { type: 'customs.accepted', data: { ...act('release'), status: 'accepted' } })
      .when(payDuties(elbufer))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'released',
          duties: { status: 'paid' },
          acts: [{ act: 'release_decided', by: 'customs-de' }],
        }),
      ));
});
