import { chongqingDuisburgBill, eventually } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './testing/harness.ts';

// Issue #4: singularity under concurrency, idempotent submission, tamper evidence, access and validation.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const eventCount = async (id: string, type: string) =>
  (
    await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where key = ${id} and envelope::jsonb->>'type' = ${type}`,
    )
  ).rows[0]?.n;

const issuedBill = async () => {
  const submitted = await h.call('shipper', 'POST', '/waybills', chongqingDuisburgBill(h.parties));
  const id = submitted.body.id as string;
  expect((await h.call('carrier', 'POST', `/waybills/${id}/issue`, {})).status).toBe(200);
  return id;
};

describe('singularity', () => {
  it('lets exactly one of 20 concurrent transfers by the holder succeed', async () => {
    const id = await issuedBill();
    const targets = ['nominatedBank', 'bank', 'consignee', 'sgBank'] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call('shipper', 'POST', `/waybills/${id}/transfer`, {
          to: h.parties.id(targets[i % targets.length] ?? 'bank'),
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(
      results
        .filter((r) => r.status === 409)
        .every((r) => r.headers['content-type']?.toString().startsWith('application/problem+json')),
    ).toBe(true);
    expect(await eventCount(id, 'waybill.transferred')).toBe(1);
  });

  it('lets exactly one of 10 concurrent transfers, endorsements and pledges by the entitled holder succeed', async () => {
    const body = chongqingDuisburgBill(h.parties, { toOrderOf: h.parties.id('shipper') });
    const id = (await h.call('shipper', 'POST', '/waybills', body)).body.id as string;
    expect((await h.call('carrier', 'POST', `/waybills/${id}/issue`, {})).status).toBe(200);
    // every act hands the bill to someone else, so whichever commits first leaves the others 409 (docs/title.md)
    const acts: [string, Record<string, unknown>][] = [
      ['transfer', { to: h.parties.id('nominatedBank') }],
      ['endorse', { to: h.parties.id('consignee') }],
      ['pledge', { to: h.parties.id('bank') }],
      ['transfer', { to: h.parties.id('sgBank') }],
      ['endorse', { to: h.parties.id('bank') }],
      ['pledge', { to: h.parties.id('sgBank') }],
      ['transfer', { to: h.parties.id('consignee') }],
      ['endorse', { to: h.parties.id('consignee2') }],
      ['pledge', { to: h.parties.id('nominatedBank') }],
      ['endorse', { to: h.parties.id('sgBank') }],
    ];
    const results = await Promise.all(acts.map(([path, b]) => h.call('shipper', 'POST', `/waybills/${id}/${path}`, b)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const bill = await h.call('shipper', 'GET', `/waybills/${id}`);
    expect(bill.body.version).toBe(3);
  });
});

describe('rejection of a receipt', () => {
  it('is refused (409) once a later title act happened, and restores the title while it is the last', async () => {
    const id = await issuedBill();
    const p = h.parties;
    expect((await h.call('shipper', 'POST', `/waybills/${id}/transfer`, { to: p.id('nominatedBank') })).status).toBe(
      200,
    );
    expect((await h.call('nominatedBank', 'POST', `/waybills/${id}/transfer`, { to: p.id('bank') })).status).toBe(200);
    const late = await h.call('nominatedBank', 'POST', `/waybills/${id}/reject`, { reason: 'not ours' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('not-receiver');
    const rejected = await h.call('bank', 'POST', `/waybills/${id}/reject`, { reason: 'documents not expected' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ holder: p.id('nominatedBank'), orderOf: p.id('bank'), entitled: false });
    expect((rejected.body.endorsements as { kind: string }[]).map((e) => e.kind)).toEqual([
      'issue',
      'transfer',
      'transfer',
      'reject',
    ]);
    // nothing is left to reject: the rejection itself is not a receipt
    expect((await h.call('nominatedBank', 'POST', `/waybills/${id}/reject`, { reason: 'again' })).status).toBe(409);
    expect(await eventCount(id, 'waybill.receipt_rejected')).toBe(1);
  });
});

describe('the Convention annotation (docs/title.md)', () => {
  it('is shown on a bill of lading, covered by the signed chain, and refused on a straight waybill', async () => {
    const body = chongqingDuisburgBill(h.parties, { negotiableCargoDocument: true });
    const submitted = await h.call('shipper', 'POST', '/waybills', body);
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    const issued = await h.call('carrier', 'POST', `/waybills/${id}/issue`, {});
    expect(issued.body).toMatchObject({
      negotiableCargoDocument: true,
      orderOf: h.parties.id('bank'),
      entitled: false,
    });
    expect((await h.call('shipper', 'GET', `/waybills/${id}/verify`)).body).toMatchObject({
      valid: true,
      signature: { valid: true },
    });
    const { toOrderOf: _t, ...rest } = body;
    const straight = await h.call('shipper', 'POST', '/waybills', { ...rest, type: 'waybill' });
    expect(straight.status).toBe(400);
    expect(JSON.stringify(straight.body)).toContain('negotiableCargoDocument');
  });
});

describe('idempotent submission', () => {
  it('creates one bill and one event however often the same request is retried', async () => {
    const body = chongqingDuisburgBill(h.parties, { creditNumber: 'IDEMP-5' });
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(await h.call('shipper', 'POST', '/waybills', body, { 'idempotency-key': 'retry-5' }));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.slice(1).every((r) => r.headers['idempotent-replayed'] === 'true')).toBe(true);
    expect(await eventCount(results[0]?.body.id as string, 'waybill.submitted')).toBe(1);
    const listed = await h.call('shipper', 'GET', '/waybills?limit=100');
    const sameCredit = (listed.body.items as { creditNumber?: string }[]).filter((b) => b.creditNumber === 'IDEMP-5');
    expect(sameCredit).toHaveLength(1);
  });
});

describe('tamper evidence', () => {
  it('reports a stored event whose data was changed behind the service', async () => {
    const id = await issuedBill();
    expect((await h.call('shipper', 'GET', `/waybills/${id}/verify`)).body.valid).toBe(true);
    await h.db.execute(
      sql`update document_events set data = jsonb_set(data, '{declaredValue,amount}', '"1.00"') where document_id = ${id} and sequence = 1`,
    );
    const verdict = await h.call('shipper', 'GET', `/waybills/${id}/verify`);
    expect(verdict.body.valid).toBe(false);
    expect((verdict.body.problems as string[]).join(' ')).toMatch(/1/);
  });
});

describe('access and validation', () => {
  it('answers with the right problem for each kind of wrong request', async () => {
    const p = h.parties;
    const submitted = await h.call('shipper', 'POST', '/waybills', chongqingDuisburgBill(p));
    const id = submitted.body.id as string;
    expect((await h.call('stranger', 'GET', `/waybills/${id}`)).status).toBe(404);
    expect((await h.call('stranger', 'POST', `/waybills/${id}/issue`, {})).status).toBe(404);
    expect((await h.call('consignee', 'POST', `/waybills/${id}/issue`, {})).status).toBe(403);
    expect((await h.call('operator', 'GET', `/waybills/${id}`)).status).toBe(200);
    expect((await h.call('operator', 'POST', `/waybills/${id}/void`, {})).status).toBe(403);
    expect((await h.call('shipper', 'GET', '/waybills?limit=101')).status).toBe(400);

    const straight = chongqingDuisburgBill(p, { type: 'waybill' });
    const withOrder = await h.call('shipper', 'POST', '/waybills', straight);
    expect(withOrder.status).toBe(400);
    expect(withOrder.body.errors).toContainEqual(expect.objectContaining({ pointer: '#/toOrderOf' }));

    const { toOrderOf: _o, ...plain } = straight;
    const created = await h.call('shipper', 'POST', '/waybills', plain);
    expect(created.status).toBe(201);
    const wid = created.body.id as string;
    expect((await h.call('carrier', 'POST', `/waybills/${wid}/issue`, {})).status).toBe(200);
    expect((await h.call('shipper', 'POST', `/waybills/${wid}/endorse`, { to: p.id('bank') })).status).toBe(422);

    const broken = chongqingDuisburgBill(p, {
      legs: [
        { sequence: 1, mode: 'rail', carrier: p.id('carrier'), from: 'CNCQI', to: 'CNQZH' },
        { sequence: 2, mode: 'sea', carrier: p.id('seaCarrier'), from: 'CNNGB', to: 'DEDUI' },
      ],
    });
    const unchained = await h.call('shipper', 'POST', '/waybills', broken);
    expect(unchained.status).toBe(422);
    expect(unchained.body.code).toBe('legs-do-not-chain');

    const badContainer = chongqingDuisburgBill(p);
    const goods = badContainer.goods.map((g, i) => (i === 0 ? { ...g, containerNumber: 'RBLU1000016' } : g));
    const invalid = await h.call('shipper', 'POST', '/waybills', { ...badContainer, goods });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toContainEqual(expect.objectContaining({ pointer: '#/goods/0/containerNumber' }));

    const unknownPlace = await h.call(
      'shipper',
      'POST',
      '/waybills',
      chongqingDuisburgBill(p, {
        placeOfDelivery: 'DEKOL',
        legs: [{ sequence: 1, mode: 'rail', carrier: p.id('carrier'), from: 'CNCQI', to: 'DEKOL' }],
      }),
    );
    expect(unknownPlace.status).toBe(201);
    expect((unknownPlace.body.warnings as string[]).join(' ')).toContain('DEKOL');
    const malformed = await h.call(
      'shipper',
      'POST',
      '/waybills',
      chongqingDuisburgBill(p, { placeOfDelivery: 'DE-DU' }),
    );
    expect(malformed.status).toBe(400);
  });

  it('pages through a party’s bills with an opaque cursor and shows nobody else’s', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await h.call(
            'shipper2',
            'POST',
            '/waybills',
            chongqingDuisburgBill(h.parties, { shipper: h.parties.id('shipper2') }),
          )
        ).body.id as string,
      );
    const first = await h.call('shipper2', 'GET', '/waybills?limit=2');
    expect((first.body.items as { id: string }[]).map((i) => i.id)).toEqual(ids.slice(0, 2));
    const second = await h.call('shipper2', 'GET', `/waybills?limit=2&cursor=${first.body.nextCursor as string}`);
    expect((second.body.items as { id: string }[]).map((i) => i.id)).toEqual(ids.slice(2));
    expect(second.body.nextCursor).toBeNull();
    const stranger = await h.call('stranger', 'GET', '/waybills');
    expect(stranger.body.items).toEqual([]);
    await eventually(async () => ((await eventCount(ids[0] ?? '', 'waybill.submitted')) === 1 ? true : undefined));
  });
});

describe('the public endpoints', () => {
  it('document every endpoint with its schemas and errors, and publish the event contracts', async () => {
    const docs = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const path of [
      '/waybills',
      '/waybills/{id}',
      '/waybills/{id}/endorse',
      '/waybills/{id}/transfer',
      '/waybills/{id}/reject',
      '/waybills/{id}/pledge',
      '/waybills/{id}/pledge/release',
      '/waybills/{id}/pledge/enforce',
      '/waybills/{id}/instructions',
      '/waybills/{id}/instructions/{n}',
      '/waybills/{id}/instructions/{n}/accept',
      '/waybills/{id}/instructions/{n}/reject',
      '/waybills/{id}/history',
      '/waybills/{id}/verify',
    ])
      expect(Object.keys(docs.paths)).toContain(path);
    expect(Object.keys(docs.paths['/waybills/{id}/instructions']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']),
    );
    for (const type of ['waybill.transferred', 'waybill.pledged', 'waybill.instruction_accepted']) {
      const published = await h.app.inject({ method: 'GET', url: `/schemas/${type}.json` });
      expect(published.statusCode).toBe(200);
    }
    expect(Object.keys(docs.paths['/waybills/{id}/endorse']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']),
    );
    const schema = await h.app.inject({ method: 'GET', url: '/schemas/waybill.endorsed.json' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json().required).toEqual(expect.arrayContaining(['from', 'to', 'at']));
    expect(Object.keys(schema.json().properties)).toContain('blank');
    const asyncapi = (await h.app.inject({ method: 'GET', url: '/asyncapi.json' })).json();
    expect(asyncapi.asyncapi).toBe('3.0.0');
    expect(Object.keys(asyncapi.operations)).toEqual(
      expect.arrayContaining(['publish-waybill-events-v1', 'consume-customs-events-v1', 'consume-lc-events-v1']),
    );
    const ready = await h.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', kafka: 'ok' } });
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('railbill_http_request_duration_seconds');
  });
});
