import { describe, expect, it } from 'vitest';
import type { WaybillEvent } from '../events/waybill.ts';
import type { WaybillContent } from '../events/waybill-content.ts';
import { evolveBillSummary, holderIsEntitled } from './bill-summary.ts';

// docs/shipments.md (a): Chongqing → Duisburg, to order of the bank.
const content: WaybillContent = {
  type: 'bill_of_lading',
  shipper: 'yunxi-devices',
  consignee: 'rheinhafen-computer',
  toOrderOf: 'rrhb',
  carrier: 'silkrail-mto',
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'DEDUI',
  legs: [{ sequence: 1, mode: 'rail', carrier: 'silkrail-mto', from: 'CNCQI', to: 'DEDUI' }],
  goods: [{ description: 'Portable computers', hsCode: '847130', packages: 100, packageKind: 'CT', grossKg: '2400.0' }],
  declaredValue: { amount: '1248000.00', currency: 'USD' },
  incoterm: 'CIP',
  freight: 'prepaid',
};
const meta = { waybillId: 'w-1', time: '2026-04-07T02:00:00.000Z' };
const fold = (events: WaybillEvent[]) =>
  events.reduce((s, e) => evolveBillSummary(s, e, meta), undefined as ReturnType<typeof evolveBillSummary>);

describe('the bill summary', () => {
  it('knows nothing before the submission', () => {
    expect(fold([{ type: 'waybill.issued', data: { billNumber: 'B1', issuedBy: 'c', holder: 's' } }])).toBeUndefined();
  });

  it('follows issue, endorsement and the first departure only', () => {
    const s = fold([
      { type: 'waybill.submitted', data: { ...content, submittedBy: 'yunxi-devices', warnings: [] } },
      { type: 'waybill.issued', data: { billNumber: 'SRM-1', issuedBy: 'silkrail-mto', holder: 'yunxi-devices' } },
      { type: 'waybill.endorsed', data: { from: 'yunxi-devices', to: 'yzcb-cq', at: meta.time } },
      {
        type: 'waybill.milestone_recorded',
        data: { leg: 1, event: 'departed', at: '2026-04-08T02:00:00.000Z', location: 'CNCQI', recordedBy: 'c' },
      },
      {
        type: 'waybill.milestone_recorded',
        data: { leg: 1, event: 'departed', at: '2026-04-09T02:00:00.000Z', location: 'CNAKL', recordedBy: 'c' },
      },
    ]);
    expect(s).toMatchObject({
      status: 'issued',
      billNumber: 'SRM-1',
      holder: 'yzcb-cq',
      firstDepartureAt: '2026-04-08T02:00:00.000Z',
    });
  });

  it('applies amended fields over the content', () => {
    const s = fold([
      { type: 'waybill.submitted', data: { ...content, submittedBy: 'yunxi-devices', warnings: [] } },
      { type: 'waybill.amended', data: { changes: { incoterm: 'DAP' }, amendedBy: 'silkrail-mto', warnings: [] } },
    ]);
    expect(s?.content.incoterm).toBe('DAP');
    expect(s?.content.placeOfDelivery).toBe('DEDUI');
  });

  it('follows the title and the place of delivery, so customs knows the entitled holder (docs/title.md)', () => {
    const at = meta.time;
    const s = fold([
      { type: 'waybill.submitted', data: { ...content, submittedBy: 'yunxi-devices', warnings: [] } },
      { type: 'waybill.issued', data: { billNumber: 'SRM-1', issuedBy: 'silkrail-mto', holder: 'yunxi-devices' } },
      { type: 'waybill.transferred', data: { from: 'yunxi-devices', to: 'yzcb-cq', at } },
      { type: 'waybill.transferred', data: { from: 'yzcb-cq', to: 'rrhb', at } },
      { type: 'waybill.pledged', data: { pledgor: 'rrhb', pledgee: 'yzcb-cq', at } },
      { type: 'waybill.pledge_released', data: { pledgor: 'rrhb', pledgee: 'yzcb-cq', at } },
      { type: 'waybill.endorsed', data: { from: 'rrhb', to: 'kallang-twowheel', at } },
      {
        type: 'waybill.instruction_accepted',
        data: { n: 1, kind: 'change_destination', placeOfDelivery: 'DEHAM', acceptedBy: 'silkrail-mto', at },
      },
    ]);
    expect(s).toMatchObject({ holder: 'kallang-twowheel', orderOf: 'kallang-twowheel', pledge: null });
    expect(s?.content.placeOfDelivery).toBe('DEHAM');
    expect(s?.content.legs[0]?.to).toBe('DEHAM');
    expect(s === undefined ? false : holderIsEntitled(s)).toBe(true);
    const held = fold([
      { type: 'waybill.submitted', data: { ...content, submittedBy: 'yunxi-devices', warnings: [] } },
      { type: 'waybill.issued', data: { billNumber: 'SRM-1', issuedBy: 'silkrail-mto', holder: 'yunxi-devices' } },
      { type: 'waybill.transferred', data: { from: 'yunxi-devices', to: 'yzcb-cq', at } },
    ]);
    // the nominated bank holds a bill to the order of rrhb: not entitled
    expect(held === undefined ? true : holderIsEntitled(held)).toBe(false);
  });

  it('dates the issue and the shipment, and keeps the endorsements, the clauses and the latest signature', () => {
    const at = (d: string) => `2026-04-${d}T02:00:00.000Z`;
    const milestone = (event: 'gate_in' | 'departed', leg: number, day: string, clauses?: string[]): WaybillEvent => ({
      type: 'waybill.milestone_recorded',
      data: {
        leg,
        event,
        at: at(day),
        location: 'CNCQI',
        recordedBy: 'c',
        ...(clauses === undefined ? {} : { clauses }),
      },
    });
    const s = fold([
      { type: 'waybill.submitted', data: { ...content, submittedBy: 'yunxi-devices', warnings: [] } },
      {
        type: 'waybill.issued',
        data: {
          billNumber: 'SRM-1',
          issuedBy: 'c',
          holder: 'yunxi-devices',
          clauses: ['one'],
          signature: 'j1',
          keyId: 'k',
        },
      },
      milestone('departed', 1, '10'),
      milestone('departed', 2, '05'),
      milestone('gate_in', 1, '08', ['two']),
      { type: 'waybill.endorsed', data: { from: 'yunxi-devices', to: 'yzcb-cq', at: at('12') } },
      { type: 'waybill.amended', data: { changes: {}, amendedBy: 'c', warnings: [], signature: 'j2' } },
    ]);
    expect(s).toMatchObject({
      issuedAt: meta.time,
      firstDepartureAt: at('10'),
      firstDeparture: { at: at('08'), location: 'CNCQI' },
      endorsements: [{ from: 'yunxi-devices', to: 'yzcb-cq', at: at('12') }],
      clauses: ['one', 'two'],
      signature: { jws: 'j2', keyId: null, carrierKey: null },
    });
  });
});
