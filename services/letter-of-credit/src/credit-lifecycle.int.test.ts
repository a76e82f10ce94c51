import { creditA, creditC, day, eventually } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { billNamingCredit, loadBillView } from './store/facts.ts';
import { finProblems } from './testing/fin-syntax.ts';
import { type Harness, overDrawnUnderC, startHarness } from './testing/harness.ts';

// issue #5: docs/shipments.md (a) and (c) over REST, the bill known only from waybill events the test publishes.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

type Presentation = { id: string; status: string; result: string | null; discrepancies: { code: string }[] };

const examinedPresentation = (creditId: string, presentationId: string) =>
  eventually(
    async () => {
      const r = await h.call('shipper', 'GET', `/credits/${creditId}`);
      const p = (r.body.presentations as Presentation[]).find((x) => x.id === presentationId);
      return p?.result === null || p === undefined ? undefined : p;
    },
    20_000,
    'the examination',
  );

describe('docs/shipments.md (a): a complying presentation', () => {
  it('runs issue → advise → present → complying → honour → pay, and publishes lc.paid for the bill', async () => {
    const p = h.parties;
    const headers = { 'idempotency-key': 'issue-a-1' };
    const issued = await h.call('bank', 'POST', '/credits', creditA(p), headers);
    expect(issued.status).toBe(201);
    const id = issued.body.id as string;
    expect(issued.headers.location).toBe(`/credits/${id}`);
    expect(issued.body).toMatchObject({
      status: 'issued',
      version: 1,
      number: 'RRH26DC000417',
      presentationPeriodDays: 21,
    });
    const replay = await h.call('bank', 'POST', '/credits', creditA(p), headers);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(id);
    const again = await h.call('bank', 'POST', '/credits', creditA(p));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('credit-number-taken');

    // the bill names the credit by creditNumber before advice: from then on the credit's events carry the bill's id
    const waybillId = uuidv7();
    await h.publishWaybill(waybillId, h.billLife({ waybillId, creditNumber: 'RRH26DC000417', departedOn: day(-6) }));
    await eventually(async () => loadBillView(h.service.deps.db, waybillId), 20_000, 'the bill consumed');

    const advised = await h.call('nominatedBank', 'POST', `/credits/${id}/advise`, {});
    expect(advised.status).toBe(200);
    expect(advised.body.status).toBe('advised');
    const presented = await h.present(id, { waybillId, amount: '1248000.00', goods: creditA(p).goodsDescription });
    expect(presented.status).toBe(201);
    const pid = presented.body.id as string;
    expect(presented.headers.location).toBe(`/credits/${id}/presentations/${pid}`);
    expect(presented.body).toMatchObject({ presentedAt: expect.any(String), decisionDeadline: expect.any(String) });
    const examined = await examinedPresentation(id, pid);
    expect(examined).toMatchObject({ status: 'complying', result: 'complying', discrepancies: [] });

    const honoured = await h.call('nominatedBank', 'POST', `/credits/${id}/presentations/${pid}/honour`, {});
    expect(honoured.status).toBe(200);
    expect(honoured.body).toMatchObject({ id: pid, status: 'honoured' });
    const paid = await h.call('bank', 'POST', `/credits/${id}/presentations/${pid}/pay`, {});
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ id: pid, status: 'paid', paidAmount: { amount: '1248000.00', currency: 'USD' } });

    const lcPaid = await eventually(async () => h.lcEvents(id).find((e) => e.envelope.type === 'lc.paid'));
    expect(lcPaid.data).toMatchObject({ bank: p.id('nominatedBank'), applicant: p.id('consignee'), waybillId });
    expect(lcPaid.key).toBe(id);
    // docs/contract.md §6: the credit's own id until a bill names it by creditNumber, the bill's id from then on
    const correlation = (type: string) => h.lcEvents(id).find((e) => e.envelope.type === type)?.envelope.correlationid;
    expect(correlation('lc.issued')).toBe(id);
    expect(correlation('lc.advised')).toBe(waybillId);
    expect(correlation('lc.presented')).toBe(waybillId);
    expect(lcPaid.envelope.correlationid).toBe(waybillId);

    // docs/swift-messages.md: the messages of the credit's life, each in its direction, served as FIN text
    const list = await h.call('consignee', 'GET', `/credits/${id}/messages`);
    expect(list.status).toBe(200);
    const items = list.body.items as { n: number; mt: string; sender: string; receiver: string; eventType: string }[];
    expect(items.map((m) => [m.n, m.mt, m.sender, m.receiver, m.eventType])).toEqual([
      [1, 'MT700', 'RRHBDED0', 'YZCBCNC0', 'lc.issued'],
      [2, 'MT730', 'YZCBCNC0', 'RRHBDED0', 'lc.advised'],
      [3, 'MT754', 'YZCBCNC0', 'RRHBDED0', 'lc.honoured'],
      [4, 'MT756', 'RRHBDED0', 'YZCBCNC0', 'lc.paid'],
    ]);
    const mt754 = await h.app.inject({
      method: 'GET',
      url: `/credits/${id}/messages/3`,
      headers: { authorization: `Bearer ${p.token('nominatedBank')}` },
    });
    expect(mt754.headers['content-type']).toContain('text/plain');
    expect(mt754.body).toMatch(/^\{1:F01YZCBCNC0AXXX0000000000\}\{2:I754RRHBDED0XXXXN\}\{4:\n:20:/);
    expect(mt754.body).toContain(':21:RRH26DC000417\n:32B:USD1248000,00\n-}');
    expect(finProblems(mt754.body)).toEqual([]);
    const page = await h.call('consignee', 'GET', `/credits/${id}/messages?limit=3`);
    expect((page.body.items as { n: number }[]).map((m) => m.n)).toEqual([1, 2, 3]);
    const rest = await h.call('consignee', 'GET', `/credits/${id}/messages?limit=3&cursor=${page.body.nextCursor}`);
    expect((rest.body.items as { n: number }[]).map((m) => m.n)).toEqual([4]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await h.call('consignee', 'GET', `/credits/${id}/messages?limit=101`)).status).toBe(400);
    expect((await h.call('consignee', 'GET', `/credits/${id}/messages?cursor=bm9wZQ`)).status).toBe(400);
    const stranger = await h.call('stranger', 'GET', `/credits/${id}/messages`);
    expect(stranger.status).toBe(404);
    const missing = await h.app.inject({
      method: 'GET',
      url: `/credits/${id}/messages/9`,
      headers: { authorization: `Bearer ${p.token('bank')}` },
    });
    expect(missing.statusCode).toBe(404);
    for (const n of ['0', 'abc', '1e3', '99999999'])
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/credits/${id}/messages/${n}`,
            headers: { authorization: `Bearer ${p.token('bank')}` },
          })
        ).statusCode,
      ).toBe(404);
  });

  it('refuses text outside SWIFT\u2019s character sets with 400 naming the field and the character', async () => {
    const p = h.parties;
    const r = await h.call(
      'bank',
      'POST',
      '/credits',
      creditA(p, { number: 'RRH26DC000418', goodsDescription: 'Ordinateurs portables « YX-14 »' }),
    );
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('goodsDescription');
    expect(JSON.stringify(r.body)).toContain("character '«'");
  });
});

describe('docs/shipments.md (c): a discrepant presentation', () => {
  it('finds LATE_SHIPMENT and AMOUNT_EXCEEDS_TOLERANCE, and the refusal lists both', async () => {
    const p = h.parties;
    const id = (await h.call('bank', 'POST', '/credits', creditC(p))).body.id as string;
    expect((await h.call('nominatedBank', 'POST', `/credits/${id}/advise`, {})).status).toBe(200);
    const waybillId = uuidv7();
    await h.publishWaybill(waybillId, h.billLife({ waybillId, creditNumber: 'RRH26DC000502', departedOn: day(-4) }));
    const presented = await h.present(id, overDrawnUnderC(p, waybillId));
    expect(presented.status).toBe(201);
    const pid = presented.body.id as string;
    const examined = await examinedPresentation(id, pid);
    expect(examined.result).toBe('discrepant');
    expect(examined.discrepancies.map((d) => d.code).sort()).toEqual(['AMOUNT_EXCEEDS_TOLERANCE', 'LATE_SHIPMENT']);

    const refused = await h.call('nominatedBank', 'POST', `/credits/${id}/presentations/${pid}/refuse`, {
      disposal: 'holding_until_waiver',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('refused');
    const notice = await eventually(async () => h.lcEvents(id).find((e) => e.envelope.type === 'lc.refused'));
    const data = notice.data as { discrepancies: { code: string }[]; disposal: string };
    expect(data.discrepancies.map((d) => d.code).sort()).toEqual(['AMOUNT_EXCEEDS_TOLERANCE', 'LATE_SHIPMENT']);
    expect(data.disposal).toBe('holding_until_waiver');
  });
});

describe('access, MT700 and lists', () => {
  it('hides a credit from a stranger, renders MT700 and lists with a cursor', async () => {
    const p = h.parties;
    const id = (await h.call('bank', 'POST', '/credits', creditA(p, { number: 'RRH26DC000999' }))).body.id as string;
    expect((await h.call('stranger', 'GET', `/credits/${id}`)).status).toBe(404);
    expect((await h.call('stranger', 'GET', `/credits/${id}/mt700`)).status).toBe(404);
    expect((await h.call('stranger', 'POST', `/credits/${id}/advise`, {})).status).toBe(404);
    expect((await h.call('consignee', 'POST', `/credits/${id}/advise`, {})).status).toBe(403);
    expect((await h.call('stranger', 'GET', '/credits')).body.items).toEqual([]);

    const mt700 = await h.call('consignee', 'GET', `/credits/${id}/mt700`);
    expect(mt700.status).toBe(200);
    expect(mt700.headers['content-type']).toMatch(/^text\/plain/);
    expect(mt700.text).toContain(':20:RRH26DC000999');
    expect(mt700.text).toContain(':32B:USD1248000,00');
    expect(mt700.text).toContain('RRHBDED0');

    const first = await h.call('operator', 'GET', '/credits?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const next = await h.call('operator', 'GET', `/credits?limit=1&cursor=${first.body.nextCursor as string}`);
    expect((next.body.items as { id: string }[])[0]?.id).not.toBe((first.body.items as { id: string }[])[0]?.id);
    expect((await h.call('operator', 'GET', '/credits?limit=101')).status).toBe(400);

    const docs = await h.app.inject({ method: 'GET', url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths as object)).toEqual(
      expect.arrayContaining(['/credits', '/credits/{id}/mt700', '/credits/{id}/presentations/{p}/refuse']),
    );
  });
});

describe('the consumed bills', () => {
  it('stores each bill’s public summary only, and finds the bill naming a credit by its index', async () => {
    const waybillId = uuidv7();
    const creditNumber = `T${waybillId.slice(-12)}`;
    await h.publishWaybill(waybillId, h.billLife({ waybillId, creditNumber, departedOn: day(-6) }));
    const view = await eventually(async () => loadBillView(h.service.deps.db, waybillId), 20_000, 'the bill consumed');
    // the examination's flat fields are made on read from the stored summary's content
    expect(view).toMatchObject({ waybillId, creditNumber, content: { creditNumber } });
    const { pool } = h.service.deps;
    const stored = await pool.query<{ state: Record<string, unknown> }>(
      `select state from projections where name = 'bills' and id = $1`,
      [waybillId],
    );
    const state = stored.rows[0]?.state ?? {};
    expect(state).toMatchObject({ waybillId, content: { creditNumber } });
    for (const flat of ['creditNumber', 'legs', 'goods', 'shipper', 'placeOfDelivery'])
      expect(state).not.toHaveProperty(flat);

    expect(await billNamingCredit(h.service.deps.db, creditNumber)).toBe(waybillId);
    expect(await billNamingCredit(h.service.deps.db, `${creditNumber}X`)).toBeUndefined();
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain select id from projections where name = 'bills' and state->'content'->>'creditNumber' = $1
         and state->>'status' <> 'void' order by state->'content'->>'creditNumber', id limit 1`,
        [creditNumber],
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('projections_bills_credit_number');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});
