import type { WaybillEvent } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { evolveBillView, foldBillView } from '../testing/bill-views.ts';
import { afterMilestone } from '../testing/examination-input.ts';
import { billA, billB, billContentA, party, waybillIds } from '../testing/shipments.ts';

const time = '2026-04-07T02:00:00.000Z';
const submitted: WaybillEvent = {
  type: 'waybill.submitted',
  data: { ...billContentA, submittedBy: party.yunxi, warnings: [] },
};

describe('evolveBillView', () => {
  it('ignores events before waybill.submitted', () =>
    expect(
      evolveBillView(
        undefined,
        { type: 'waybill.surrendered', data: { surrenderedBy: 'x' } },
        { waybillId: 'w', time },
      ),
    ).toBeUndefined());
  it('folds issue, departure and endorsement', () =>
    expect(billA).toMatchObject({
      status: 'issued',
      holder: party.yzcb,
      toOrderOf: party.rrhb,
      issuedAt: '2026-04-07T02:00:00.000Z',
      firstDeparture: { at: '2026-04-08T02:00:00.000Z', location: 'CNCQI' },
      endorsements: [{ from: party.yunxi, to: party.yzcb }],
    }));
  it('follows the title: transfer, pledge, blank endorsement and a change of destination (docs/title.md)', () => {
    const issued: WaybillEvent = {
      type: 'waybill.issued',
      data: { billNumber: 'B1', issuedBy: party.silkrail, holder: party.yunxi },
    };
    const at = '2026-04-14T02:00:00.000Z';
    const view = foldBillView(
      waybillIds.a,
      (
        [
          submitted,
          issued,
          { type: 'waybill.transferred', data: { from: party.yunxi, to: party.yzcb, at } },
          { type: 'waybill.transferred', data: { from: party.yzcb, to: party.rrhb, at } },
          { type: 'waybill.endorsed', data: { from: party.rrhb, to: party.rrhb, at, blank: true } },
          { type: 'waybill.pledged', data: { pledgor: party.rrhb, pledgee: party.yzcb, at } },
          {
            type: 'waybill.instruction_accepted',
            data: { n: 1, kind: 'change_destination', placeOfDelivery: 'DEHAM', acceptedBy: party.silkrail, at },
          },
        ] as WaybillEvent[]
      ).map((event) => ({ event, time })),
    );
    expect(view).toMatchObject({
      holder: party.yzcb,
      toOrderOf: party.rrhb,
      orderOf: null,
      pledge: { pledgee: party.yzcb, pledgor: party.rrhb },
      placeOfDelivery: 'DEHAM',
    });
    expect(view?.legs.at(-1)?.to).toBe('DEHAM');
  });
  it('keeps the first departure of leg 1 only, not the vessel leg (docs/shipments.md (b))', () => {
    const vessel = afterMilestone(
      billB,
      { leg: 2, event: 'departed', at: '2026-07-09T02:00:00.000Z', location: 'CNQZH', recordedBy: 'beibu-ocean' },
      time,
    );
    expect(vessel?.firstDeparture?.at).toBe('2026-07-06T02:00:00.000Z');
  });
  it('applies amendments, surrender, delivery and void', () => {
    const view = foldBillView(waybillIds.a, [
      { event: submitted, time },
      {
        event: {
          type: 'waybill.amended',
          data: { changes: { placeOfDelivery: 'DEHAM' }, amendedBy: 'silkrail-mto', warnings: [] },
        },
        time,
      },
      { event: { type: 'waybill.voided', data: { voidedBy: party.yunxi } }, time },
    ]);
    expect(view).toMatchObject({ status: 'void', placeOfDelivery: 'DEHAM', placeOfReceipt: 'CNCQI' });
    const accomplished = evolveBillView(
      evolveBillView(
        billA,
        { type: 'waybill.surrendered', data: { surrenderedBy: party.yzcb } },
        { waybillId: waybillIds.a, time },
      ),
      { type: 'waybill.accomplished', data: { deliveredTo: party.rheinhafen, deliveredBy: party.silkrail } },
      { waybillId: waybillIds.a, time },
    );
    expect(accomplished).toMatchObject({ status: 'accomplished', holder: null });
  });
  it('dates the shipment by the earliest taking in charge on leg 1 (gate_in, loaded or departed), not the train', () => {
    const milestone = (event: 'gate_in' | 'loaded' | 'departed' | 'arrived', at: string, leg = 1) => ({
      event: {
        type: 'waybill.milestone_recorded' as const,
        data: { leg, event, at, location: 'CNCQI', recordedBy: billA.carrier },
      },
      time: at,
    });
    const fold = (...steps: ReturnType<typeof milestone>[]) =>
      steps.reduce<typeof billA | undefined>(
        (view, s) =>
          view === undefined ? undefined : evolveBillView(view, s.event, { waybillId: billA.waybillId, time: s.time }),
        { ...billA, firstDeparture: null },
      );
    const gateIn = fold(
      milestone('departed', '2026-04-10T02:00:00.000Z'),
      milestone('gate_in', '2026-04-07T02:00:00.000Z'),
    );
    expect(gateIn?.firstDeparture?.at).toBe('2026-04-07T02:00:00.000Z');
    const otherLeg = fold(
      milestone('loaded', '2026-04-05T02:00:00.000Z', 2),
      milestone('departed', '2026-04-08T02:00:00.000Z'),
    );
    expect(otherLeg?.firstDeparture?.at).toBe('2026-04-08T02:00:00.000Z');
    expect(fold(milestone('arrived', '2026-04-06T02:00:00.000Z'))?.firstDeparture).toBeNull();
  });
});
