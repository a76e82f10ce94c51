import { chongqingDuisburgBill, daysAgo, eventually, qinzhouSingaporeBill } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './testing/harness.ts';

// docs/shipments.md (a) and (b), over REST with customs and LC events produced by the test (issue #4).
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const milestone = (leg: number, event: string, at: string, location: string) => ({ leg, event, at, location });
type Milestone = ReturnType<typeof milestone>;

/** A milestone posted by `as` on the bill; the raw response. */
const record = (as: 'carrier' | 'seaCarrier', id: string, m: Milestone) =>
  h.call(as, 'POST', `/waybills/${id}/milestones`, m);

/** Customs releases the goods for export at Chongqing, and the bill shows it. */
const releaseForExport = async (id: string) => {
  await h.customs(id, 'export', 'released', 'CNCQI');
  await eventually(async () => {
    const r = await h.call('carrier', 'GET', `/waybills/${id}`);
    return (r.body.customs as { export: string | null }).export === 'released' ? true : undefined;
  });
};

describe('the Chongqing → Duisburg bill of lading (docs/shipments.md a)', () => {
  it('lives its whole life: issue, export gate, endorsements, payment release, import gate, surrender, delivery', async () => {
    const p = h.parties;
    const submitted = await h.call('shipper', 'POST', '/waybills', chongqingDuisburgBill(p));
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect(submitted.body.credit).toEqual({ number: 'RRH26DC000417', status: null });

    const issued = await h.call('carrier', 'POST', `/waybills/${id}/issue`, {});
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', holder: p.id('shipper'), version: 2 });
    expect(issued.body.billNumber).toMatch(/^CARRIER.*-\d{4}-\d{6}$/);

    const early = await record('carrier', id, milestone(1, 'departed', daysAgo(16), 'CNCQI'));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('export-not-released');

    await releaseForExport(id);

    for (const m of [
      milestone(1, 'gate_in', daysAgo(17), 'CNCQI'),
      milestone(1, 'loaded', daysAgo(17, 6), 'CNCQI'),
      milestone(1, 'departed', daysAgo(16), 'CNCQI'),
      milestone(1, 'border_crossed', daysAgo(12), 'CNAKL'),
      milestone(1, 'gauge_changed', daysAgo(12, 8), 'CNAKL'),
      milestone(1, 'border_crossed', daysAgo(6), 'BYBQT'),
      milestone(1, 'gauge_changed', daysAgo(5), 'PLMAA'),
    ])
      expect((await record('carrier', id, m)).status).toBe(200);

    // docs/title.md: the beneficiary transfers the bill (to the order of the issuing bank) to the nominated bank
    expect((await h.call('shipper', 'POST', `/waybills/${id}/endorse`, { to: p.id('nominatedBank') })).status).toBe(
      409,
    );
    const toBank = await h.call('shipper', 'POST', `/waybills/${id}/transfer`, { to: p.id('nominatedBank') });
    expect(toBank.status).toBe(200);
    expect(toBank.body).toMatchObject({ holder: p.id('nominatedBank'), orderOf: p.id('bank'), entitled: false });

    // paid before the forward: the release waits (no dead letter), then happens once the issuing bank holds the bill
    const paymentId = await h.lcPaidBy(id, 'RRH26DC000417', 'bank', 'consignee');
    await eventually(async () => {
      const r = await h.call('consignee', 'GET', `/waybills/${id}`);
      return (r.body.credit as { status: string | null } | null)?.status === 'paid' ? true : undefined;
    });
    expect((await h.call('nominatedBank', 'GET', `/waybills/${id}`)).body.holder).toBe(p.id('nominatedBank'));
    const forwardId = await h.lcForwarded(id, 'RRH26DC000417', 'nominatedBank', 'bank');
    const released = await eventually(async () => {
      const r = await h.call('consignee', 'GET', `/waybills/${id}`);
      return r.body.holder === p.id('consignee') ? r.body : undefined;
    });
    expect(released.endorsements).toEqual([
      { kind: 'issue', from: p.id('carrier'), to: p.id('shipper'), at: expect.any(String) },
      { kind: 'transfer', from: p.id('shipper'), to: p.id('nominatedBank'), at: expect.any(String) },
      {
        kind: 'transfer',
        from: p.id('nominatedBank'),
        to: p.id('bank'),
        at: expect.any(String),
        causationId: forwardId,
      },
      { kind: 'endorse', from: p.id('bank'), to: p.id('consignee'), at: expect.any(String), causationId: paymentId },
    ]);
    expect(released).toMatchObject({ orderOf: p.id('consignee'), entitled: true, pledge: null });
    expect(released.credit).toEqual({ number: 'RRH26DC000417', status: 'paid' });

    expect((await record('carrier', id, milestone(1, 'arrived', daysAgo(1), 'DEDUI'))).status).toBe(200);
    const blocked = await h.call('consignee', 'POST', `/waybills/${id}/surrender`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('import-not-released');

    await h.customs(id, 'import', 'released', 'DEDUI');
    await eventually(async () => {
      const r = await h.call('consignee', 'GET', `/waybills/${id}`);
      return (r.body.customs as { import: string | null }).import === 'released' ? true : undefined;
    });
    const surrendered = await h.call('consignee', 'POST', `/waybills/${id}/surrender`, {});
    expect(surrendered.status).toBe(200);
    expect(surrendered.body.status).toBe('surrendered');
    const delivered = await h.call('carrier', 'POST', `/waybills/${id}/deliver`, {});
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('accomplished');
    expect((await h.call('consignee', 'POST', `/waybills/${id}/endorse`, { to: p.id('bank') })).status).toBe(409);

    const history = await h.call('consignee', 'GET', `/waybills/${id}/history`);
    const entries = history.body as unknown as { type: string; signature?: string }[];
    expect(entries.map((e) => e.type)).toContain('waybill.accomplished');
    expect(entries.find((e) => e.type === 'waybill.issued')?.signature).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const verdict = await h.call('consignee', 'GET', `/waybills/${id}/verify`);
    expect(verdict.body).toMatchObject({
      valid: true,
      events: entries.length,
      signature: { valid: true },
      problems: [],
    });
    const jwks = await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.json().keys).toContainEqual(
      expect.objectContaining({ kid: (verdict.body.signature as { keyId: string }).keyId }),
    );
    // docs/ucp600.md §4: the published waybill.issued carries the signature, its key id and the public key; the
    // hashed history entry does not (its data stays what the hash covers)
    const published = await h.db.execute(
      sql`select envelope::jsonb as envelope from outbox where key = ${id} and envelope::jsonb->>'type' = 'waybill.issued'`,
    );
    const data = (published.rows[0] as { envelope: { data: Record<string, unknown> } }).envelope.data;
    const issuedEntry = entries.find((e) => e.type === 'waybill.issued') as unknown as {
      signature: string;
      data: object;
    };
    expect(data).toMatchObject({
      signature: issuedEntry.signature,
      keyId: (verdict.body.signature as { keyId: string }).keyId,
      carrierKey: { kty: 'OKP', crv: 'Ed25519' },
    });
    expect(issuedEntry.data).not.toHaveProperty('signature');
  });
});

describe('the Chongqing → Qinzhou → Singapore "rail+" bill (docs/shipments.md b)', () => {
  it('carries one bill over the rail leg, the transshipment at Qinzhou and the sea leg', async () => {
    const p = h.parties;
    const body = qinzhouSingaporeBill(p);
    const submitted = await h.call('shipper2', 'POST', '/waybills', body);
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    expect((await h.call('carrier', 'POST', `/waybills/${id}/issue`, {})).status).toBe(200);
    await releaseForExport(id);
    const seaTooEarly = await record('seaCarrier', id, milestone(2, 'loaded', daysAgo(10), 'CNQZH'));
    expect(seaTooEarly.status).toBe(422);
    for (const [as, m] of [
      ['carrier', milestone(1, 'departed', daysAgo(10), 'CNCQI')],
      ['carrier', milestone(1, 'arrived', daysAgo(8), 'CNQZH')],
      ['carrier', milestone(2, 'transshipped', daysAgo(8, 6), 'CNQZH')],
      ['seaCarrier', milestone(2, 'loaded', daysAgo(7), 'CNQZH')],
      ['seaCarrier', milestone(2, 'departed', daysAgo(7, 8), 'CNQZH')],
      ['seaCarrier', milestone(2, 'arrived', daysAgo(1), 'SGSIN')],
      ['seaCarrier', milestone(2, 'discharged', daysAgo(1, 6), 'SGSIN')],
    ] as const) {
      const r = await record(as, id, m);
      expect(r.status, `${as} ${m.event} on leg ${m.leg}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const bill = await h.call('shipper2', 'GET', `/waybills/${id}`);
    expect((bill.body.legs as { status: string }[]).map((l) => l.status)).toEqual(['arrived', 'arrived']);
    const listed = await h.call('seaCarrier', 'GET', '/waybills?place=SGSIN&container=CQRU2104520');
    expect((listed.body.items as { id: string }[]).map((i) => i.id)).toEqual([id]);
    // the list shows the other documents' status as the bill itself does
    expect(bill.body.customs).toMatchObject({ export: 'released' });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ customs: bill.body.customs, credit: bill.body.credit }),
    ]);
  });
});
