import type { WaybillEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, it } from 'vitest';
import type { Actor, Deliver, Surrender } from '../commands.ts';
import { decider } from '../decide.ts';
import { endorsed, issued, milestone, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, parties, straightWaybillHamburg } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

const { yunxi, yzcb, rheinhafen, silkrail, bayu, elbufer } = parties;
const bol = chongqingDuisburg();
const waybill = straightWaybillHamburg();

const surrender = (by: Actor, importReleased = true): Surrender => ({
  type: 'surrender',
  by,
  at: t.surrendered,
  importReleased,
});
const deliver = (by: Actor = silkrail, importReleased = true): Deliver => ({
  type: 'deliver',
  by,
  at: t.surrendered,
  importReleased,
});

const departed = milestone(1, 'departed', t.departed, 'CNCQI');
const inTransit = [submitted(bol), issued(bol), departed, endorsed(yunxi.id, rheinhafen.id)] as const;
const arrived = [...inTransit, milestone(1, 'arrived', t.arrived, 'DEDUI')] as const;
const surrendered: WaybillEvent = {
  type: 'waybill.surrendered',
  data: { surrenderedBy: rheinhafen.id, at: t.surrendered },
};

describe('surrender', () => {
  it('surrenders the bill of the holder once the last leg arrived and import released', () =>
    given(...arrived)
      .when(surrender(rheinhafen))
      .then(surrendered));

  it('counts a discharge as the end of the last leg', () =>
    given(...inTransit, milestone(1, 'discharged', t.arrived, 'DEDUI'))
      .when(surrender(rheinhafen))
      .then(surrendered));

  it('refuses before the last leg arrived (conflict)', () =>
    given(...inTransit)
      .when(surrender(rheinhafen))
      .thenRejects('conflict', 'not-arrived'));

  refuses(arrived, [
    ['before import customs released', surrender(rheinhafen, false), 'conflict', 'import-not-released'],
    ['a former holder', surrender(yunxi), 'conflict', 'not-holder'],
    ['the carrier', surrender(silkrail), 'forbidden', 'not-holder'],
  ]);

  it('refuses a second surrender (conflict)', () =>
    given(...arrived, surrendered)
      .when(surrender(rheinhafen))
      .thenRejects('conflict', 'not-issued'));

  it('refuses a bill not yet issued (conflict)', () =>
    given(submitted(bol)).when(surrender(yunxi)).thenRejects('conflict', 'not-issued'));

  it('refuses a straight waybill, which is delivered without surrender (rule)', () =>
    given(submitted(waybill), issued(waybill)).when(surrender(bayu)).thenRejects('rule', 'not-negotiable'));
});

describe('deliver', () => {
  describe('a bill of lading', () => {
    it('accomplishes the bill to the party that surrendered it', () =>
      given(...arrived, surrendered)
        .when(deliver())
        .then({ type: 'waybill.accomplished', data: { deliveredTo: rheinhafen.id, deliveredBy: silkrail.id } }));

    it('refuses before surrender (conflict)', () =>
      given(...arrived)
        .when(deliver())
        .thenRejects('conflict', 'not-surrendered'));

    it('refuses the holder (forbidden)', () =>
      given(...arrived, surrendered)
        .when(deliver(rheinhafen))
        .thenRejects('forbidden', 'not-carrier'));

    it('refuses an accomplished bill (conflict)', () =>
      given(...arrived, surrendered, {
        type: 'waybill.accomplished',
        data: { deliveredTo: rheinhafen.id, deliveredBy: silkrail.id },
      })
        .when(deliver())
        .thenRejects('conflict', 'already-accomplished'));
  });

  describe('a straight waybill', () => {
    const wbArrived = [
      submitted(waybill),
      issued(waybill),
      departed,
      milestone(1, 'arrived', t.arrived, 'DEHAM'),
    ] as const;

    it('accomplishes it to the named consignee without surrender', () =>
      given(...wbArrived)
        .when(deliver())
        .then({ type: 'waybill.accomplished', data: { deliveredTo: elbufer.id, deliveredBy: silkrail.id } }));

    it('refuses before the last leg arrived (conflict)', () =>
      given(submitted(waybill), issued(waybill), departed).when(deliver()).thenRejects('conflict', 'not-arrived'));

    it('refuses before import customs released (conflict)', () =>
      given(...wbArrived)
        .when(deliver(silkrail, false))
        .thenRejects('conflict', 'import-not-released'));

    it('refuses a waybill not yet issued (conflict)', () =>
      given(submitted(waybill)).when(deliver()).thenRejects('conflict', 'not-issued'));

    it('refuses a bank (forbidden)', () =>
      given(...wbArrived)
        .when(deliver(yzcb))
        .thenRejects('forbidden', 'not-carrier'));
  });
});
