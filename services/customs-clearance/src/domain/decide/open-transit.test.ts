import type { CustomsEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { customsDecider } from '../decide.ts';
import { discharge, lodged, lodgeExport, openTransit, sampledTo } from '../testing/builders.ts';
import { billA, billB, env, ids, parties, t } from '../testing/fixtures.ts';

const { given, refuses } = deciderSpec(customsDecider(env));

describe('openTransit', () => {
  it('opens a T1 transit at the EU entry station to the place of delivery', () =>
    given()
      .when(openTransit(billA(), 'PLMAA'))
      .thenState((s) =>
        expect(s).toMatchObject({
          type: 'transit',
          office: 'PLMAA',
          destinationOffice: 'DEDUI',
          status: 'released',
          channel: 'green',
          declarant: { id: 'silkrail-mto', aeo: false },
          exporter: { id: 'yunxi-devices', aeo: true },
          importer: { id: 'rheinhafen-computer', aeo: true },
          createdAt: t.crossed,
        }),
      ));

  it.each(['CNAKL', 'BYBQT'])('opens nothing at %s, a crossing outside the destination territory (rule)', (station) =>
    given().when(openTransit(billA(), station)).thenRejects('rule', 'not-a-transit-entry'),
  );

  it('opens nothing at the place of delivery itself (rule)', () =>
    given().when(openTransit(billA(), 'DEDUI')).thenRejects('rule', 'not-a-transit-entry'));

  refuses(
    [],
    [
      ['a leg the bill does not have', openTransit(billA(), 'PLMAA', { leg: 2 }), 'rule', 'no-such-leg'],
      ['a bill no longer issued', openTransit({ ...billA(), status: 'surrendered' }), 'conflict', 'bill-not-issued'],
    ],
  );

  it('opens nothing twice for a redelivered crossing (conflict)', () =>
    given(...lodged(openTransit(billA())))
      .when(openTransit(billA()))
      .thenRejects('conflict', 'already-lodged'));
});

describe('discharge', () => {
  const released = lodged(openTransit(billA()));
  const discharged: CustomsEvent = {
    type: 'customs.discharged',
    data: {
      waybillId: ids.waybillA,
      declarationType: 'transit',
      office: 'PLMAA',
      status: 'discharged',
      at: t.decided,
      by: 'customs-de',
    },
  };

  it('ends a released transit at its office of destination', () =>
    given(...released)
      .when(discharge(parties.customsDe))
      .then(discharged));

  it('ends at the current place of delivery of the bill after a change of destination (docs/title.md)', () => {
    given(...released)
      .when({ ...discharge(parties.customsSg), billPlaceOfDelivery: 'SGSIN' })
      .thenTypes('customs.discharged');
    given(...released)
      .when({ ...discharge(parties.customsDe), billPlaceOfDelivery: 'SGSIN' })
      .thenRejects('forbidden', 'not-office');
  });

  refuses(released, [
    ['the office of departure', discharge(parties.customsPl), 'forbidden', 'not-office'],
    ['a party on the bill that is not customs', discharge(parties.silkrail), 'forbidden', 'not-customs'],
    ['an operator', discharge(parties.operator), 'forbidden', 'read-only'],
    [
      'customs of another office as if there were no declaration',
      discharge(parties.customsSg),
      'not_found',
      'declaration-not-found',
    ],
  ]);

  it('refuses a transit still under control (conflict)', () =>
    given(...lodged(openTransit(billA()), sampledTo('yellow')))
      .when(discharge())
      .thenRejects('conflict', 'not-released'));

  it('refuses a second discharge (conflict)', () =>
    given(...released, discharged)
      .when(discharge())
      .thenRejects('conflict', 'already-discharged'));

  it('refuses an export declaration (rule)', () =>
    given(...lodged(lodgeExport(billB())))
      .when(discharge({ ...parties.customsCq }))
      .thenRejects('rule', 'not-transit'));

  it('refuses an unknown declaration (not found)', () =>
    given().when(discharge()).thenRejects('not_found', 'declaration-not-found'));
});
