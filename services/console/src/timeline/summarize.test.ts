import { chongqingDuisburgBill, makeParties } from '@railbill/testkit';
import { describe, expect, it } from 'vitest';
import { indexEntry } from '../shipments/index-entry.ts';
import { summarize, type TimelineEvent } from './summarize.ts';

const p = makeParties();
const waybillId = '01900000-0000-7000-8000-000000000001';
const creditId = '01900000-0000-7000-8000-000000000002';
const declarationId = '01900000-0000-7000-8000-000000000003';
let n = 0;
const ev = (type: string, data: unknown, subject = waybillId): TimelineEvent => {
  n += 1;
  return { id: `e${n}`, type, subject, time: `2026-04-${String(n).padStart(2, '0')}T02:00:00Z`, data };
};
const bill = () => [
  ev('waybill.submitted', { ...chongqingDuisburgBill(p), submittedBy: p.id('shipper'), warnings: [] }),
  ev('waybill.issued', { billNumber: 'SRM-1', issuedBy: p.id('carrier'), holder: p.id('shipper') }),
];

describe('the shipment summary', () => {
  it('follows the title acts: transfer, pledge, release, blank endorsement, endorsement, rejection', () => {
    n = 0;
    const s = summarize([
      ...bill(),
      ev('waybill.transferred', { from: p.id('shipper'), to: p.id('nominatedBank'), at: '2026-04-03T02:00:00Z' }),
      ev('waybill.transferred', { from: p.id('nominatedBank'), to: p.id('bank'), at: '2026-04-04T02:00:00Z' }),
      ev('waybill.pledged', { pledgor: p.id('bank'), pledgee: p.id('sgBank'), at: '2026-04-05T02:00:00Z' }),
      ev('waybill.pledge_released', { pledgee: p.id('sgBank'), pledgor: p.id('bank'), at: '2026-04-06T02:00:00Z' }),
      ev('waybill.endorsed', { from: p.id('bank'), to: p.id('bank'), at: '2026-04-07T02:00:00Z', blank: true }),
      ev('waybill.endorsed', { from: p.id('bank'), to: p.id('consignee'), at: '2026-04-08T02:00:00Z' }),
      ev('waybill.receipt_rejected', {
        rejectedBy: p.id('consignee'),
        undone: 'endorse',
        reason: 'not ours',
        at: '2026-04-09T02:00:00Z',
        holder: p.id('bank'),
        orderOf: null,
        pledge: null,
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
      ev('waybill.instruction_given', { n: 1, kind: 'stop', givenBy: p.id('shipper'), at: '2026-04-03T02:00:00Z' }),
      ev('waybill.instruction_accepted', {
        n: 1,
        kind: 'stop',
        acceptedBy: p.id('carrier'),
        at: '2026-04-03T03:00:00Z',
      }),
      ev('waybill.instruction_given', {
        n: 2,
        kind: 'change_destination',
        placeOfDelivery: 'DEHAM',
        givenBy: p.id('shipper'),
        at: '2026-04-03T04:00:00Z',
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
      ev('waybill.instruction_given', {
        n: 1,
        kind: 'change_destination',
        placeOfDelivery: 'DEHAM',
        givenBy: p.id('shipper'),
        at: '2026-04-03T02:00:00Z',
      }),
      ev('waybill.instruction_accepted', {
        n: 1,
        kind: 'change_destination',
        placeOfDelivery: 'DEHAM',
        acceptedBy: p.id('carrier'),
        at: '2026-04-03T03:00:00Z',
      }),
      ev('waybill.instruction_given', { n: 2, kind: 'resume', givenBy: p.id('shipper'), at: '2026-04-03T04:00:00Z' }),
      ev('waybill.instruction_rejected', {
        n: 2,
        kind: 'resume',
        rejectedBy: p.id('carrier'),
        reason: 'not stopped',
        at: '2026-04-03T05:00:00Z',
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
    const m = (event: string, location: string) =>
      ev('waybill.milestone_recorded', {
        leg: 1,
        event,
        at: `2026-04-${String(n + 1).padStart(2, '0')}T02:00:00Z`,
        location,
        recordedBy: p.id('carrier'),
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
    const credit = (type: string, data: object) => ev(type, { creditNumber: 'RRH26DC000417', ...data }, creditId);
    const customs = (type: string, status: string, extra: object = {}) =>
      ev(
        type,
        { waybillId, declarationType: 'import', office: 'DEDUI', status, at: '2026-04-20T02:00:00Z', ...extra },
        declarationId,
      );
    const s = summarize([
      ...bill(),
      credit('lc.presented', {
        presentationId: 'p1',
        waybillId,
        invoice: { amount: { amount: '1.00', currency: 'USD' } },
        presentedAt: '2026-04-14T02:00:00Z',
        decisionDeadline: '2026-04-21',
      }),
      credit('lc.examined', { presentationId: 'p1', result: 'complying', discrepancies: [] }),
      customs('customs.lodged', 'lodged'),
      customs('customs.risk_assessed', 'under_control', {
        channel: 'yellow',
        riskReasons: ['value: above threshold'],
        score: 3,
      }),
      customs('customs.duties_assessed', 'under_control', {
        duty: { amount: '0.00', currency: 'EUR' },
        vat: { amount: '9.00', currency: 'EUR' },
        lines: [],
      }),
    ]);
    expect(indexEntry(s)).toMatchObject({
      attention: ['declaration_under_control', 'presentation_open'],
      decisionDeadline: '2026-04-21',
      creditNumbers: ['RRH26DC000417'],
      containers: ['RBLU1000015', 'RBLU1000020'],
    });

    const later = summarize([
      ...bill(),
      credit('lc.presented', {
        presentationId: 'p1',
        waybillId,
        invoice: { amount: null },
        decisionDeadline: '2026-04-21',
      }),
      credit('lc.honoured', {
        presentationId: 'p1',
        amount: { amount: '1.00', currency: 'USD' },
        by: p.id('nominatedBank'),
      }),
      credit('lc.documents_forwarded', {
        presentationId: 'p1',
        waybillId,
        from: p.id('nominatedBank'),
        to: p.id('bank'),
        by: p.id('nominatedBank'),
      }),
      customs('customs.duties_assessed', 'accepted', {
        duty: { amount: '0.00', currency: 'EUR' },
        vat: { amount: '9.00', currency: 'EUR' },
        lines: [],
      }),
      customs('customs.duties_paid', 'released', { method: 'guarantee', reference: 'G-1' }),
    ]);
    expect(later.credits[0]?.presentations[0]?.status).toBe('forwarded');
    expect(later.declarations[0]?.duties?.status).toBe('guaranteed');
    expect(indexEntry(later).attention).toEqual([]);
  });
});
