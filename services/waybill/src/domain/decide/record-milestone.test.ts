import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from '../decide.ts';
import { issued, milestone, recordMilestone, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, chongqingQinzhouSingapore, parties } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

const bol = chongqingDuisburg();
const rs = chongqingQinzhouSingapore();
const { silkrail, beibu, yunxi } = parties;

// docs/shipments.md (b): 07-06 leg 1 departed; 07-08 arrived CNQZH; transshipped; 07-09 loaded/departed; 07-15 arrived SGSIN.
const b = {
  departed: '2026-07-06T02:00:00.000Z',
  arrivedQzh: '2026-07-08T02:00:00.000Z',
  transshipped: '2026-07-08T06:00:00.000Z',
  loaded: '2026-07-09T01:00:00.000Z',
  seaDeparted: '2026-07-09T04:00:00.000Z',
};
const ilstcIssued = [submitted(rs), issued(rs)] as const;
const railArrived = [
  ...ilstcIssued,
  milestone(1, 'departed', b.departed, 'CNCQI'),
  milestone(1, 'arrived', b.arrivedQzh, 'CNQZH'),
] as const;

describe('recordMilestone', () => {
  describe('on an issued bill', () => {
    it('records the first departure once export customs released the goods', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', t.departed, 'CNCQI'))
        .then(milestone(1, 'departed', t.departed, 'CNCQI')));

    it('keeps the station name given for a place without a code of its own', () =>
      given(submitted(bol), issued(bol), milestone(1, 'departed', t.departed, 'CNCQI'))
        .when(recordMilestone(1, 'gauge_changed', t.borderCrossed, 'CNAKL', { name: 'Dostyk' }))
        .then({
          type: 'waybill.milestone_recorded',
          data: {
            leg: 1,
            event: 'gauge_changed',
            at: t.borderCrossed,
            location: 'CNAKL',
            name: 'Dostyk',
            recordedBy: silkrail.id,
          },
        }));

    it('sets the shipment date and the leg status from the first departure', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', t.departed, 'CNCQI'))
        .thenState((s) => {
          expect(s).toMatchObject({ firstDepartureAt: t.departed, legs: [{ sequence: 1, status: 'in_transit' }] });
        }));

    it('refuses the first departure before export release (conflict)', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', t.departed, 'CNCQI', { exportReleased: false }))
        .thenRejects('conflict', 'export-not-released'));

    it('lets later departures go without export release (it was given for the bill)', () =>
      given(...railArrived, milestone(2, 'transshipped', b.transshipped, 'CNQZH', beibu.id))
        .when(recordMilestone(2, 'departed', b.seaDeparted, 'CNQZH', { by: beibu, exportReleased: false }))
        .then(milestone(2, 'departed', b.seaDeparted, 'CNQZH', beibu.id)));

    it('records gate_in and loaded before departure', () =>
      given(submitted(bol), issued(bol), milestone(1, 'gate_in', '2026-04-07T20:00:00.000Z', 'CNCQI'))
        .when(recordMilestone(1, 'loaded', '2026-04-08T00:00:00.000Z', 'CNCQI'))
        .then(milestone(1, 'loaded', '2026-04-08T00:00:00.000Z', 'CNCQI')));

    it('records discharge after arrival', () =>
      given(...railArrived)
        .when(recordMilestone(1, 'discharged', b.transshipped, 'CNQZH'))
        .then(milestone(1, 'discharged', b.transshipped, 'CNQZH')));
  });

  describe('on a rail+ bill', () => {
    it('records transshipment on the leg that starts at the place of transshipment', () =>
      given(...railArrived)
        .when(recordMilestone(2, 'transshipped', b.transshipped, 'CNQZH', { by: beibu }))
        .then(milestone(2, 'transshipped', b.transshipped, 'CNQZH', beibu.id)));

    it('lets the named carrier record on every leg', () =>
      given(...railArrived)
        .when(recordMilestone(2, 'loaded', b.loaded, 'CNQZH'))
        .then(milestone(2, 'loaded', b.loaded, 'CNQZH')));

    it('refuses a milestone on leg 2 before leg 1 arrived (rule)', () =>
      given(...ilstcIssued, milestone(1, 'departed', b.departed, 'CNCQI'))
        .when(recordMilestone(2, 'loaded', b.loaded, 'CNQZH', { by: beibu }))
        .thenRejects('rule', 'milestone-out-of-order'));

    refuses(ilstcIssued, [
      [
        'transshipment before the previous leg departed',
        recordMilestone(2, 'transshipped', b.transshipped, 'CNQZH', { by: beibu }),
        'rule',
        'milestone-out-of-order',
      ],
      [
        'transshipment on the first leg',
        recordMilestone(1, 'transshipped', b.departed, 'CNCQI'),
        'rule',
        'milestone-out-of-order',
      ],
      [
        'a leg carrier on another leg',
        recordMilestone(1, 'departed', b.departed, 'CNCQI', { by: beibu }),
        'forbidden',
        'not-carrier',
      ],
    ]);
  });

  describe('order within a leg (rule)', () => {
    const departed = [submitted(bol), issued(bol), milestone(1, 'departed', t.departed, 'CNCQI')] as const;
    const arrived = [...departed, milestone(1, 'arrived', t.arrived, 'DEDUI')] as const;
    it('refuses a second departure', () =>
      given(...departed)
        .when(recordMilestone(1, 'departed', t.borderCrossed, 'CNCQI'))
        .thenRejects('rule', 'milestone-out-of-order'));
    refuses(
      [submitted(bol), issued(bol)],
      [
        [
          'arrival before departure',
          recordMilestone(1, 'arrived', t.arrived, 'DEDUI'),
          'rule',
          'milestone-out-of-order',
        ],
        [
          'a border crossing before departure',
          recordMilestone(1, 'border_crossed', t.borderCrossed, 'CNAKL'),
          'rule',
          'milestone-out-of-order',
        ],
      ],
    );
    it('refuses a gauge change after arrival', () =>
      given(...arrived)
        .when(recordMilestone(1, 'gauge_changed', t.surrendered, 'PLMAA'))
        .thenRejects('rule', 'milestone-out-of-order'));
    it('refuses loading after departure', () =>
      given(...departed)
        .when(recordMilestone(1, 'loaded', t.borderCrossed, 'CNCQI'))
        .thenRejects('rule', 'milestone-out-of-order'));
    it('refuses a second arrival', () =>
      given(...arrived)
        .when(recordMilestone(1, 'arrived', t.surrendered, 'DEDUI'))
        .thenRejects('rule', 'milestone-out-of-order'));
    it('refuses a second discharge', () =>
      given(...arrived, milestone(1, 'discharged', t.surrendered, 'DEDUI'))
        .when(recordMilestone(1, 'discharged', t.surrendered, 'DEDUI'))
        .thenRejects('rule', 'milestone-out-of-order'));
  });

  describe('time (rule)', () => {
    it('accepts a milestone up to 5 minutes ahead of the clock', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', '2026-04-08T02:05:00.000Z', 'CNCQI', { now: t.departed }))
        .then(milestone(1, 'departed', '2026-04-08T02:05:00.000Z', 'CNCQI')));
    it('refuses a milestone more than 5 minutes in the future', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', '2026-04-08T02:05:00.001Z', 'CNCQI', { now: t.departed }))
        .thenRejects('rule', 'milestone-time'));
    it('refuses a milestone before the previous one of its leg', () =>
      given(submitted(bol), issued(bol), milestone(1, 'departed', t.departed, 'CNCQI'))
        .when(recordMilestone(1, 'border_crossed', '2026-04-08T01:59:59.999Z', 'CNAKL', { now: t.borderCrossed }))
        .thenRejects('rule', 'milestone-time'));
  });

  describe('refusals by role and state', () => {
    it('refuses the shipper (forbidden)', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(1, 'departed', t.departed, 'CNCQI', { by: yunxi }))
        .thenRejects('forbidden', 'not-carrier'));
    it('refuses a bill not yet issued (conflict)', () =>
      given(submitted(bol))
        .when(recordMilestone(1, 'departed', t.departed, 'CNCQI'))
        .thenRejects('conflict', 'not-issued'));
    it('refuses a leg the bill does not have (rule)', () =>
      given(submitted(bol), issued(bol))
        .when(recordMilestone(2, 'departed', t.departed, 'CNCQI'))
        .thenRejects('rule', 'unknown-leg'));
  });
});
