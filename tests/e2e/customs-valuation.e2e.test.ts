import { chongqingHamburgWaybill, daysAgo, eventually } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';

// docs/customs.md: an import valued at the point of entry from the bill's unit values and the Incoterm, its duty and
// VAT paid before release; the waybill and customs services as real processes, talking only through Kafka.
const sys = useSystem(['waybill', 'customs-clearance']);
const { parties, call, ok } = sys;

const importStatus = async (id: string) =>
  ((await call('waybill', 'consignee', 'GET', `/waybills/${id}`)).body.customs as { import: string | null }).import;
const eur = (amount: string) => ({ amount, currency: 'EUR' });

describe('docs/shipments.md (d) bought FCA Chongqing: costs to the point of entry added', () => {
  it('assesses duty EUR 2745.60 and VAT EUR 12377.66 and releases only after payment', async () => {
    // FCA Chongqing with the invoice's unit values; Chongqing → Małaszewicze carriage and insurance EUR 2400.00
    const bill = await ok(
      'waybill',
      'shipper',
      '/waybills',
      chongqingHamburgWaybill(parties, { incoterm: 'FCA' }),
      201,
    );
    const id = bill.id as string;
    await ok('waybill', 'carrier', `/waybills/${id}/issue`);
    await eventually(
      async () =>
        ((await call('waybill', 'shipper', 'GET', `/waybills/${id}`)).body.customs as { export: string | null })
          .export === 'released'
          ? true
          : undefined,
      30_000,
      'export released',
    );
    for (const m of [
      { leg: 1, event: 'gate_in', at: daysAgo(3), location: 'CNCQI' },
      { leg: 1, event: 'departed', at: daysAgo(2), location: 'CNCQI' },
      { leg: 1, event: 'arrived', at: daysAgo(0, 0), location: 'DEHAM' },
    ])
      await ok('waybill', 'carrier', `/waybills/${id}/milestones`, m);
    const lodge = (body: Record<string, unknown>) =>
      call('customs-clearance', 'consignee', 'POST', '/declarations', { type: 'import', waybillId: id, ...body });

    const withoutCosts = await lodge({});
    expect([withoutCosts.status, withoutCosts.body.code]).toEqual([422, 'costs-to-entry-required']);
    const horses = [{ hsCode: '0101210000', description: 'pure-bred horses', grossKg: '500.0', packages: 1 }];
    const unknown = await lodge({ goods: horses, costsToEntry: eur('2400.00') });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'no-tariff-line']);
    expect(unknown.body.detail).toContain('HS 0101210000');

    const lodged = await lodge({ costsToEntry: eur('2400.00') });
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    // costs shared by value: 2400.00 × 38000/60000 = 1520.00 and 880.00; no exchange rate (EUR)
    expect(lodged.body).toMatchObject({
      status: 'accepted',
      channel: 'green',
      goods: [
        {
          origin: 'CN',
          customsValue: eur('39520.00'),
          valuation: {
            basis: 'unit_value',
            transactionValue: eur('38000.00'),
            adjustments: [{ kind: 'costs_to_entry', effect: 'add', amount: eur('1520.00') }],
          },
        },
        { origin: 'CN', customsValue: eur('22880.00'), quantity: { value: '2200', unit: 'C62' } },
      ],
      // duty 12 % × 22880.00 = 2745.60; VAT 19 % × 39520.00 = 7508.80 and 19 % × 25625.60 = 4868.864 → 4868.86
      duties: { status: 'assessed', duty: eur('2745.60'), vat: eur('12377.66') },
    });

    await eventually(async () => ((await importStatus(id)) === 'accepted' ? true : undefined), 30_000, 'import seen');
    const early = await call('waybill', 'carrier', 'POST', `/waybills/${id}/deliver`, {});
    expect(early.status).toBe(409);

    const paid = await ok('customs-clearance', 'consignee', `/declarations/${lodged.body.id as string}/payment`, {
      method: 'paid',
      reference: 'ATLAS-2026-000123',
    });
    expect(paid).toMatchObject({ status: 'released', duties: { status: 'paid' } });
    await eventually(async () => ((await importStatus(id)) === 'released' ? true : undefined), 30_000, 'released');
    const delivered = await ok('waybill', 'carrier', `/waybills/${id}/deliver`);
    expect(delivered.status).toBe('accomplished');
  });
});

documentsFoldTheirEvents(sys);
