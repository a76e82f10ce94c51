import type { CustomsEvent, DomainEvent, LcEvent, MilestoneEvent } from '@railbill/contracts';
import { castA, chongqingDuisburgBill, invoiceA, makeParties } from '@railbill/testkit';
import { describe, expect, it } from 'vitest';
import { indexEntry } from '../shipments/index-entry.ts';
import { summarize, type TimelineEvent } from './summarize.ts';

const p = makeParties();
const waybillId = '01900000-0000-7000-8000-000000000001';
const creditId = '01900000-0000-7000-8000-000000000002';
const declarationId = '01900000-0000-7000-8000-000000000003';
let n = 0;
const day = (d: number, hour = 2) => `2026-04-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
const ev = (event: DomainEvent, subject = waybillId): TimelineEvent => {
  n += 1;
  return { ...event, id: `e${n}`, subject, time: day(n) };
};
const bill = () => [
  ev({ type: 'waybill.submitted', data: { ...chongqingDuisburgBill(p), submittedBy: p.id('shipper'), warnings: [] } }),
  ev({ type: 'waybill.issued', data: { billNumber: 'SRM-1', issuedBy: p.id('carrier'), holder: p.id('shipper') } }),
];

describe('the shipment summary', () => {
  it('follows the title acts: transfer, pledge, release, blank endorsement, endorsement, rejection', () => {
    n = 0;
    const s = summarize([
      ...bill(),
      ev({ type: 'waybill.transferred', data: { from: p.id('shipper'), to: p.id('nominatedBank'), at: day(3) } }),
      ev({ type: 'waybill.transferred', data: { from: p.id('nominatedBank'), to: p.id('bank'), at: day(4) } }),
      ev({ type: 'waybill.pledged', data: { pledgor: p.id('bank'), pledgee: p.id('sgBank'), at: day(5) } }),
      ev({ type: 'waybill.pledge_released', data: { pledgee: p.id('sgBank'), pledgor: p.id('bank'), at: day(6) } }),
      ev({ type: 'waybill.endorsed', data: { from: p.id('bank'), to: p.id('bank'), at: day(7), blank: true } }),
      ev({ type: 'waybill.endorsed', data: { from: p.id('bank'), to: p.id('consignee'), at: day(8) } }),
      ev({
        type: 'waybill.receipt_rejected',
        data: {
          rejectedBy: p.id('consignee'),
          undone: 'endorse',
          reason: 'not ours',
          at: day(9),
          holder: p.id('bank'),
          orderOf: null,
          pledge: null,
        },
      }),
    ]);
    expect(s.holders.map((h) => [h.kind, h.holder])).toEqual([
      ['issue', p.id('shipper')],
      ['transfer', p.id('nominatedBank')],
      ['transfer', p.id('bank')],
      ['pledge', p.id('sgBank')],
      ['pledge_release', p.id('bank')],
      ['blank_endorse', p.id('bank')],
      ['endorse', p.id('consignee')],
      ['reject', p.id('bank')],
    ]);
    expect(s.holder).toBe(p.id('bank'));
    expect(s.orderOf).toBeNull();
    expect(s.pledge).toBeNull();
  });

  it('marks a stopped bill and an open instruction, and changes the destination once accepted', () => {
    n = 0;
    const stopped = summarize([
      ...bill(),
      ev({
        type: 'waybill.instruction_given',
        data: { n: 1, kind: 'stop', givenBy: p.id('shipper'), at: day(3) },
      }),
      ev({
        type: 'waybill.instruction_accepted',
        data: {
          n: 1,
          kind: 'stop',
          acceptedBy: p.id('carrier'),
          at: day(3, 3),
        },
      }),
      ev({
        type: 'waybill.instruction_given',
        data: {
          n: 2,
          kind: 'change_destination',
          placeOfDelivery: 'DEHAM',
          givenBy: p.id('shipper'),
          at: day(3, 4),
        },
      }),
    ]);
    expect(stopped.stopped).toBe(true);
    expect(stopped.instructions.map((i) => [i.n, i.kind, i.status])).toEqual([
      [1, 'stop', 'accepted'],
      [2, 'change_destination', 'requested'],
    ]);
    expect(indexEntry(stopped).attention).toEqual(['bill_stopped', 'instruction_open']);

    const moved = summarize([
      ...bill(),
      ev({
        type: 'waybill.instruction_given',
        data: {
          n: 1,
          kind: 'change_destination',
          placeOfDelivery: 'DEHAM',
          givenBy: p.id('shipper'),
          at: day(3),
        },
      }),
      ev({
        type: 'waybill.instruction_accepted',
        data: {
          n: 1,
          kind: 'change_destination',
          placeOfDelivery: 'DEHAM',
          acceptedBy: p.id('carrier'),
          at: day(3, 3),
        },
      }),
      ev({
        type: 'waybill.instruction_given',
        data: { n: 2, kind: 'resume', givenBy: p.id('shipper'), at: day(3, 4) },
      }),
      ev({
        type: 'waybill.instruction_rejected',
        data: {
          n: 2,
          kind: 'resume',
          rejectedBy: p.id('carrier'),
          reason: 'not stopped',
          at: day(3, 5),
        },
      }),
    ]);
    expect(moved.content?.placeOfDelivery).toBe('DEHAM');
    expect(moved.legs.at(-1)?.to).toBe('DEHAM');
    expect(moved.stopped).toBe(false);
    expect(indexEntry(moved).attention).toEqual([]);
    expect(indexEntry(moved).places).toContain('DEHAM');
  });

  it('places the goods at the last milestone, or at the place of receipt before the first', () => {
    n = 0;
    const before = summarize(bill());
    expect(before.position).toEqual({ location: 'CNCQI', event: 'not departed', at: null, leg: null });
    const m = (event: MilestoneEvent, location: string) =>
      ev({
        type: 'waybill.milestone_recorded',
        data: {
          leg: 1,
          event,
          at: day(n + 1),
          location,
          recordedBy: p.id('carrier'),
        },
      });
    const moving = summarize([
      ...bill(),
      m('departed', 'CNCQI'),
      m('border_crossed', 'CNAKL'),
      m('border_crossed', 'BYBQT'),
    ]);
    expect(moving.position).toMatchObject({ location: 'BYBQT', event: 'border_crossed', leg: 1 });
    expect(moving.legs[0]?.status).toBe('border_crossed');
  });

  it('follows a credit through presentation and forwarding, and a declaration to its payment', () => {
    n = 0;
    const creditNumber = 'RRH26DC000417';
    const credit = (event: LcEvent) => ev(event, creditId);
    const ref = { waybillId, declarationType: 'import', office: 'DEDUI', at: '2026-04-20T02:00:00Z' } as const;
    const customs = (event: CustomsEvent) => ev(event, declarationId);
    const usd = { amount: '1.00', currency: 'USD' } as const;
    const presented = (invoiceAmount: typeof usd) =>
      credit({
        type: 'lc.presented',
        data: {
          creditNumber,
          presentationId: 'p1',
          waybillId,
          invoice: { ...invoiceA(castA(p)), amount: invoiceAmount },
          documents: [],
          presentedAt: '2026-04-14T02:00:00Z',
          presentedOn: '2026-04-14',
          decisionDeadline: '2026-04-21',
          presentedBy: p.id('shipper'),
        },
      });
    const duties = { duty: { amount: '0.00', currency: 'EUR' }, vat: { amount: '9.00', currency: 'EUR' } } as const;
    const s = summarize([
      ...bill(),
      presented(usd),
      credit({
        type: 'lc.examined',
        data: { creditNumber, presentationId: 'p1', result: 'complying', discrepancies: [] },
      }),
      customs({
        type: 'customs.lodged',
        data: {
          ...ref,
          status: 'lodged',
          lodgedBy: p.id('consignee'),
          declarant: { id: p.id('consignee'), aeo: true },
          goods: [
            {
              hsCode: '847130',
              description: 'Portable computers',
              origin: 'CN',
              customsValue: { amount: '9.00', currency: 'EUR' },
              grossKg: '2400.0',
              packages: 100,
            },
          ],
          billParties: [],
        },
      }),
      customs({
        type: 'customs.risk_assessed',
        data: { ...ref, status: 'under_control', channel: 'yellow', riskReasons: ['value: above threshold'], score: 3 },
      }),
      customs({ type: 'customs.duties_assessed', data: { ...ref, status: 'under_control', ...duties, lines: [] } }),
    ]);
    expect(indexEntry(s)).toMatchObject({
      attention: ['declaration_under_control', 'presentation_open'],
      decisionDeadline: '2026-04-21',
      creditNumbers: ['RRH26DC000417'],
      containers: ['RBLU1000015', 'RBLU1000020'],
    });

    const later = summarize([
      ...bill(),
      presented(usd),
      credit({
        type: 'lc.honoured',
        data: { creditNumber, presentationId: 'p1', amount: usd, by: p.id('nominatedBank') },
      }),
      credit({
        type: 'lc.documents_forwarded',
        data: {
          creditNumber,
          presentationId: 'p1',
          waybillId,
          from: p.id('nominatedBank'),
          to: p.id('bank'),
          by: p.id('nominatedBank'),
        },
      }),
      customs({ type: 'customs.duties_assessed', data: { ...ref, status: 'accepted', ...duties, lines: [] } }),
      customs({
        type: 'customs.duties_paid',
        data: { ...ref, status: 'released', by: p.id('consignee'), method: 'guarantee', reference: 'G-1', ...duties },
      }),
    ]);
    expect(later.credits[0]?.presentations[0]?.status).toBe('forwarded');
    expect(later.declarations[0]?.duties?.status).toBe('guaranteed');
    expect(indexEntry(later).attention).toEqual([]);
  });
});
