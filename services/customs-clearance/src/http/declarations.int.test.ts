import { chongqingDuisburgBill, eventually } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDeclarationId } from '../consumers/declaration-ids.ts';
import { type Harness, startHarness } from '../testing/harness.ts';

// docs/contract.md §5 `/declarations` over REST against the real broker and PostgreSQL (sampling off: channels follow the rules).
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

/** A bill issued on the topic, once its export declaration exists. */
const issuedWithExport = async (override: Parameters<typeof chongqingDuisburgBill>[1] = {}) => {
  const { waybillId } = await h.issueBill(chongqingDuisburgBill(h.parties, override));
  const exportId = exportDeclarationId(waybillId);
  await eventually(async () =>
    (await h.call('operator', 'GET', `/declarations/${exportId}`)).status === 200 ? true : undefined,
  );
  return { waybillId, exportId };
};

/**
 * docs/title.md: the bill (to the order of the issuing bank) released to the consignee on payment — `waybill.endorsed`
 * from the bank — once customs has consumed it: the consignee is then the entitled holder who imports.
 */
const releasedToConsignee = async (waybillId: string) => {
  const consignee = h.parties.id('consignee');
  await h.waybillEvent(waybillId, {
    type: 'waybill.endorsed',
    version: 3,
    data: { from: h.parties.id('bank'), to: consignee, at: new Date().toISOString() },
  });
  await eventually(async () => {
    const r = await h.db.execute<{ holder: string | null }>(
      sql`select state->>'holder' as holder from projections where name = 'bills' and id = ${waybillId}`,
    );
    return r.rows[0]?.holder === consignee ? true : undefined;
  });
};

const weapons = {
  description: 'Military rifles',
  hsCode: '930190',
  packages: 10,
  packageKind: 'CS',
  grossKg: '400.0',
};

describe('an export of restricted goods', () => {
  it('goes red and waits for customs at its office: inspection, then release', async () => {
    const { waybillId, exportId } = await issuedWithExport({ goods: [weapons] });
    const read = await h.call('customsCn', 'GET', `/declarations/${exportId}`);
    expect(read.body).toMatchObject({ status: 'under_control', channel: 'red', type: 'export', office: 'CNCQI' });
    expect(read.body.riskReasons).toEqual(expect.arrayContaining([expect.stringMatching(/^restricted-hs-code: /)]));

    const release = { outcome: 'release', reason: 'goods as declared' };
    // customs of another office cannot see it (docs/contract.md §2: 404); the shipper can, but does not decide (403)
    expect((await h.call('customsPl', 'POST', `/declarations/${exportId}/decision`, release)).status).toBe(404);
    const shipper = await h.call('shipper', 'POST', `/declarations/${exportId}/decision`, release);
    expect([shipper.status, shipper.body.code]).toEqual([403, 'not-customs']);
    const early = await h.call('customsCn', 'POST', `/declarations/${exportId}/decision`, release);
    expect([early.status, early.body.code]).toEqual([409, 'inspection-required']);

    const inspect = { outcome: 'inspect', reason: 'physical examination', observedMassKg: '401.5', item: 1 };
    const inspected = await h.call('customsCn', 'POST', `/declarations/${exportId}/decision`, inspect);
    expect(inspected.status).toBe(200);
    expect(inspected.body).toMatchObject({ status: 'under_control', channel: 'red' });
    const released = await h.call('customsCn', 'POST', `/declarations/${exportId}/decision`, release);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ id: exportId, status: 'released', version: released.body.version });

    const events = await eventually(async () => {
      const e = h.published(waybillId);
      return e.some((x) => x.type === 'customs.released') ? e : undefined;
    });
    expect(events.find((e) => e.type === 'customs.released')?.data).toMatchObject({
      by: h.parties.id('customsCn'),
      reason: 'goods as declared',
    });
  });

  it('refuses a body with unknown fields (400)', async () => {
    const { exportId } = await issuedWithExport({ goods: [weapons] });
    const withChannel = { outcome: 'release', reason: 'x', channel: 'green' };
    expect((await h.call('customsCn', 'POST', `/declarations/${exportId}/decision`, withChannel)).status).toBe(400);
  });
});

describe('POST /declarations', () => {
  it('lodges the import of (a) with duty EUR 0.00 and VAT EUR 218150.40, released green once paid', async () => {
    const { waybillId } = await issuedWithExport();
    await releasedToConsignee(waybillId);
    const body = { type: 'import', waybillId, freightAfterEntry: { amount: '4800.00', currency: 'USD' } };
    const key = { 'idempotency-key': `import-${waybillId}` };
    const lodged = await h.call('consignee', 'POST', '/declarations', body, key);
    expect(lodged.status).toBe(201);
    expect(lodged.headers.location).toBe(`/declarations/${lodged.body.id}`);
    expect(lodged.body).toMatchObject({
      type: 'import',
      waybillId,
      office: 'DEDUI',
      status: 'accepted',
      channel: 'green',
      importer: { id: h.parties.id('consignee'), aeo: true },
      goods: [
        { customsValue: { amount: '571872.00', currency: 'EUR' }, origin: 'CN' },
        { customsValue: { amount: '571872.00', currency: 'EUR' }, origin: 'CN' },
      ],
      duties: {
        status: 'assessed',
        duty: { amount: '0.00', currency: 'EUR' },
        vat: { amount: '218150.40', currency: 'EUR' },
      },
    });

    const replay = await h.call('consignee', 'POST', '/declarations', body, key);
    expect([replay.status, replay.headers['idempotent-replayed'], replay.body.id]).toEqual([
      201,
      'true',
      lodged.body.id,
    ]);
    const again = await h.call('consignee', 'POST', '/declarations', body);
    expect([again.status, again.body.code]).toEqual([409, 'import-already-lodged']);

    const url = `/declarations/${lodged.body.id}/payment`;
    for (const bad of [
      { method: 'cash', reference: 'X-1' },
      { method: 'paid' },
      { method: 'paid', reference: 'X', amount: 1 },
    ])
      expect((await h.call('consignee', 'POST', url, bad)).status).toBe(400);
    const byShipper = await h.call('shipper', 'POST', url, { method: 'paid', reference: 'X-1' });
    expect([byShipper.status, byShipper.body.code]).toEqual([403, 'not-importer']);
    const paid = await h.call('consignee', 'POST', url, { method: 'guarantee', reference: 'GUA-2026-0417' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'released',
      duties: { status: 'guaranteed', payment: { method: 'guarantee', reference: 'GUA-2026-0417' } },
    });
    const twice = await h.call('consignee', 'POST', url, { method: 'paid', reference: 'X-2' });
    expect([twice.status, twice.body.code]).toEqual([409, 'duties-settled']);

    const events = await eventually(async () => {
      const e = h.published(waybillId).filter((x) => x.subject === lodged.body.id);
      return e.length >= 6 ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual([
      'customs.lodged',
      'customs.accepted',
      'customs.duties_assessed',
      'customs.risk_assessed',
      'customs.duties_paid',
      'customs.released',
    ]);
  });

  it('refuses an HS code the tariff cannot resolve with 422, naming the code', async () => {
    const { waybillId } = await issuedWithExport();
    await releasedToConsignee(waybillId);
    const goods = [{ hsCode: '0101210000', description: 'pure-bred horses', grossKg: '500.0', packages: 1 }];
    const refused = await h.call('consignee', 'POST', '/declarations', { type: 'import', waybillId, goods });
    expect([refused.status, refused.body.code]).toEqual([422, 'no-tariff-line']);
    expect(refused.body.detail).toContain('0101210000');
  });

  it('refuses an FCA import without costs to entry (422)', async () => {
    const { waybillId } = await issuedWithExport({ incoterm: 'FCA' });
    await releasedToConsignee(waybillId);
    const refused = await h.call('consignee', 'POST', '/declarations', { type: 'import', waybillId });
    expect([refused.status, refused.body.code]).toEqual([422, 'costs-to-entry-required']);
  });

  it('refuses whoever is not the entitled holder (409), a carrier (403), a stranger and an unknown bill (404)', async () => {
    const { waybillId } = await issuedWithExport();
    // docs/title.md: the shipper holds a bill to the order of the bank, and the consignee does not hold it yet
    for (const who of ['shipper', 'consignee'] as const) {
      const r = await h.call(who, 'POST', '/declarations', { type: 'import', waybillId });
      expect([r.status, r.body.code]).toEqual([409, 'not-entitled-holder']);
    }
    const carrier = await h.call('carrier', 'POST', '/declarations', { type: 'import', waybillId });
    expect([carrier.status, carrier.body.code]).toEqual([403, 'not-importer']);
    expect((await h.call('stranger', 'POST', '/declarations', { type: 'import', waybillId })).status).toBe(404);
    const unknownBill = { type: 'import', waybillId: '019d2a00-0000-7000-8000-0000000000ff' };
    expect((await h.call('consignee', 'POST', '/declarations', unknownBill)).status).toBe(404);
  });
});

describe('reading declarations', () => {
  it('answers a stranger 404 and the parties on it, customs at its office and operators 200', async () => {
    const { exportId } = await issuedWithExport();
    const url = `/declarations/${exportId}`;
    const stranger = await h.call('stranger', 'GET', url);
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not-found']);
    expect((await h.call('customsDe', 'GET', url)).status).toBe(404);
    for (const who of ['shipper', 'consignee', 'carrier', 'customsCn', 'operator'] as const)
      expect((await h.call(who, 'GET', url)).status).toBe(200);
  });

  it('lists a bill’s declarations a party may see, page by page', async () => {
    const { waybillId, exportId } = await issuedWithExport();
    await releasedToConsignee(waybillId);
    const imported = await h.call('consignee', 'POST', '/declarations', { type: 'import', waybillId });
    const url = `/declarations?waybillId=${waybillId}`;
    const first = await h.call('consignee', 'GET', `${url}&limit=1`);
    expect((first.body.items as { id: string }[]).map((d) => d.id)).toEqual([exportId]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h.call('consignee', 'GET', `${url}&limit=1&cursor=${first.body.nextCursor}`);
    expect((second.body.items as { id: string }[]).map((d) => d.id)).toEqual([imported.body.id]);
    expect(second.body.nextCursor).toBeNull();
    // customs sees only its offices' declarations; a stranger none
    const de = await h.call('customsDe', 'GET', url);
    expect((de.body.items as { id: string }[]).map((d) => d.id)).toEqual([imported.body.id]);
    expect((await h.call('stranger', 'GET', url)).body).toEqual({ items: [], nextCursor: null });
    expect((await h.call('consignee', 'GET', `${url}&limit=101`)).status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('documents every declaration endpoint with a summary', async () => {
    const res = await h.service.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = (res.json() as { paths: Record<string, Record<string, { summary?: string }>> }).paths;
    const operations = [
      ['/declarations', 'post'],
      ['/declarations', 'get'],
      ['/declarations/{id}', 'get'],
      ['/declarations/{id}/decision', 'post'],
      ['/declarations/{id}/discharge', 'post'],
      ['/declarations/{id}/payment', 'post'],
    ] as const;
    for (const [path, method] of operations) expect(paths[path]?.[method]?.summary).toEqual(expect.any(String));
  });
});
