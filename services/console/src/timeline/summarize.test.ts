import { describe, expect, it } from 'vitest';
import { summarize, type TimelineEvent } from './summarize.ts';

let n = 0;
const ev = (type: string, data: unknown, time = '2026-04-14T02:00:00.000Z'): TimelineEvent => ({
  id: `e${++n}`,
  type,
  time,
  subject: 'w-1',
  data,
});

// docs/title.md: the holder chain shows every title act, and the timeline the instructions still open
describe('the shipment timeline of a bill of lading', () => {
  it('shows transfers, pledges and rejections in the holder chain, and the open instruction', () => {
    const at = '2026-04-14T02:00:00.000Z';
    const s = summarize([
      ev('waybill.issued', { billNumber: 'B1', issuedBy: 'carrier', holder: 'shipper' }),
      ev('waybill.transferred', { from: 'shipper', to: 'nominated', at }),
      ev('waybill.transferred', { from: 'nominated', to: 'issuing', at, causationId: 'fwd-1' }),
      ev('waybill.receipt_rejected', {
        rejectedBy: 'issuing',
        undone: 'transfer',
        reason: 'x',
        at,
        holder: 'nominated',
        orderOf: 'issuing',
        pledge: null,
      }),
      ev('waybill.pledged', { pledgor: 'nominated', pledgee: 'bank2', at }),
      ev('waybill.instruction_given', { n: 1, kind: 'stop', givenBy: 'buyer', at }),
      ev('waybill.instruction_given', { n: 2, kind: 'change_destination', placeOfDelivery: 'DEHAM', givenBy: 'b', at }),
      ev('waybill.instruction_accepted', { n: 1, kind: 'stop', acceptedBy: 'carrier', at }),
    ]);
    expect(s.holders.map((h) => [h.holder, h.via])).toEqual([
      ['shipper', 'issued'],
      ['nominated', 'transferred'],
      ['issuing', 'transferred on forward'],
      ['nominated', 'transfer rejected by issuing'],
      ['bank2', 'pledged'],
    ]);
    expect(s.holder).toBe('bank2');
    expect(s.stopped).toBe(true);
    expect(s.instructions.filter((i) => i.status === 'requested')).toEqual([
      expect.objectContaining({ n: 2, kind: 'change_destination', placeOfDelivery: 'DEHAM' }),
    ]);
  });
});
