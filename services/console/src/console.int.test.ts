import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { type CastMember, eventually } from '@railbill/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionPanel } from './attention/panel.ts';
import { EVENTS_CHANNEL } from './consumers/record-event.ts';
import { issueTicket } from './stream/tickets.ts';
import { openStream } from './testing/event-stream.ts';
import { type Harness, startHarness } from './testing/harness.ts';
import { duisburgShipmentEvents } from './testing/shipment-events.ts';
import { uuidv7 } from './testing/uuid.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const streamUrl = (query = '') => `${h.url}/api/events/stream${query}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the live stream', () => {
  it('delivers the events committed after the client connected, filtered, and only to operators', async () => {
    const before = duisburgShipmentEvents(h.parties)[1];
    if (before === undefined) throw new Error('fixture');
    const earlyId = await h.publish(before);
    await eventually(
      async () => {
        const r = await h.get('operator', `/api/events?subject=${before.subject}`);
        return (r.body as { items: unknown[] }).items.length === 1 ? true : undefined;
      },
      15_000,
      'the early event stored',
    );

    const all = await openStream(streamUrl(), bearer(h.parties.token('operator')));
    const onlyCustoms = await openStream(streamUrl(`?topic=${CUSTOMS_TOPIC}&ticket=${await ticket('operator')}`));
    expect(all.status).toBe(200);
    expect(all.contentType).toContain('text/event-stream');
    expect(onlyCustoms.status).toBe(200);

    const anonymous = await openStream(streamUrl());
    const shipper = await openStream(streamUrl(), bearer(h.parties.token('shipper')));
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toContain('application/problem+json');
    expect(shipper.status).toBe(403);

    const events = duisburgShipmentEvents(h.parties).slice(0, 6);
    const ids: string[] = [];
    for (const e of events) ids.push(await h.publish(e));
    await eventually(async () => (all.received.length >= ids.length ? true : undefined), 15_000, 'the streamed events');
    expect(all.received.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(all.received.map((e) => e.id)).not.toContain(earlyId);
    await eventually(async () => (onlyCustoms.received.length >= 3 ? true : undefined), 15_000, 'customs events');
    expect(new Set(onlyCustoms.received.map((e) => e.type.split('.')[0]))).toEqual(new Set(['customs']));
    for (const s of [all, onlyCustoms]) s.close();
  });

  it('leaves out an event committed before the client connected whose announcement arrives after', async () => {
    const { pool } = h.service.deps;
    // a row committed with its NOTIFY still on the way: stored directly, announced only once the stream is open
    const e = duisburgShipmentEvents(h.parties)[0];
    if (e === undefined) throw new Error('fixture');
    const storedUnannounced = async () => {
      const id = uuidv7();
      const r = await pool.query<{ seq: string }>(
        `insert into events (event_id, topic, type, subject, correlation_id, time, sequence, envelope)
         values ($1, $2, $3, $4, $5, $6, '1', $7) returning seq`,
        [id, e.topic, e.type, e.subject, `race-${id}`, e.time, JSON.stringify({ ...e, id })],
      );
      return Number(r.rows[0]?.seq);
    };
    const announce = (seq: number) => pool.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, String(seq)]);
    const committedBefore = await storedUnannounced();
    const stream = await openStream(streamUrl(), bearer(h.parties.token('operator')));
    expect(stream.status).toBe(200);
    await announce(committedBefore);
    const committedAfter = await storedUnannounced();
    await announce(committedAfter);
    await eventually(async () => (stream.received.length >= 1 ? true : undefined), 15_000, 'the later event');
    expect(stream.received.map((e) => e.seq)).toEqual([committedAfter]);
    stream.close();
  });
});

const ticket = async (as: CastMember) => {
  const res = await fetch(`${h.url}/api/stream-tickets`, {
    method: 'POST',
    headers: { ...bearer(h.parties.token(as)), 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as { ticket?: string; expiresAt?: string };
  if (res.status !== 201 || body.ticket === undefined) throw new Error(`no ticket for ${as}: ${res.status}`);
  return body.ticket;
};

describe('the stream ticket', () => {
  it('opens the stream once, for operators only, never with a token in the URL', async () => {
    const t = await ticket('operator');
    const first = await openStream(streamUrl(`?ticket=${t}`));
    expect(first.status).toBe(200);
    first.close();
    const again = await openStream(streamUrl(`?ticket=${t}`));
    expect(again.status).toBe(401);
    expect(again.contentType).toContain('application/problem+json');

    // the bearer token itself is not accepted in the query string any more
    const byToken = await openStream(streamUrl(`?token=${h.parties.token('operator')}`));
    expect(byToken.status).toBe(401);
    const forged = await openStream(streamUrl(`?ticket=${h.parties.token('operator')}`));
    expect(forged.status).toBe(401);

    const refused = await fetch(`${h.url}/api/stream-tickets`, {
      method: 'POST',
      headers: { ...bearer(h.parties.token('shipper')), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const anonymous = await fetch(`${h.url}/api/stream-tickets`, { method: 'POST' });
    expect(anonymous.status).toBe(401);

    // a page reopening with a new ticket continues after the last event it received
    const [early, late] = duisburgShipmentEvents(h.parties).slice(1, 3);
    if (early === undefined || late === undefined) throw new Error('fixture');
    await h.publish(early);
    const lateId = await h.publish(late);
    const stored = await eventually(
      async () => {
        const r = await h.get('operator', `/api/events?correlationId=${early.correlationId}`);
        const items = (r.body as { items: { id: string; seq: number }[] }).items;
        return items.length === 2 ? items : undefined;
      },
      15_000,
      'both stored',
    );
    const earlySeq = Math.min(...stored.map((e) => e.seq));
    const resumed = await openStream(
      streamUrl(`?ticket=${await ticket('operator')}&after=${earlySeq}&correlationId=${early.correlationId}`),
    );
    await eventually(async () => (resumed.received.length >= 1 ? true : undefined), 15_000, 'the missed event');
    expect(resumed.received.map((e) => e.id)).toEqual([lateId]);
    resumed.close();

    const expired = await issueTicket(h.service.deps.db, h.parties.id('operator'), 1000, new Date(Date.now() - 5000));
    expect((await openStream(streamUrl(`?ticket=${expired.ticket}`))).status).toBe(401);
    // only the digest is stored
    const plain = await h.service.deps.pool.query<{ n: string }>(
      'select count(*) as n from stream_tickets where ticket_hash = $1',
      [expired.ticket],
    );
    expect(Number(plain.rows[0]?.n)).toBe(0);
  });
});

/** Shipment (a) with its own bill and credit numbers (the fixture's are shared by every test). */
const shipmentA = (waybillId: string, billNumber: string, creditNumber = `T${waybillId.slice(-12)}`) =>
  duisburgShipmentEvents(h.parties, waybillId).map((e) => {
    const data = e.data as Record<string, unknown>;
    if (e.type === 'waybill.issued') return { ...e, data: { ...data, billNumber } };
    if (e.type === 'waybill.submitted' || e.type.startsWith('lc.'))
      return { ...e, data: { ...data, creditNumber, ...(e.type === 'lc.issued' ? { number: creditNumber } : {}) } };
    return e;
  });

type ListPage = {
  items: { waybillId: string; billNumber: string; status: string; position: { location: string } }[];
  nextCursor: string | null;
};

describe('the shipment list', () => {
  it('finds a shipment by bill number, container, credit number, party, status and place, in pages', async () => {
    const a = uuidv7();
    const b = uuidv7();
    const billA = `SRM-T${a.slice(-8)}`;
    for (const e of shipmentA(a, billA)) await h.publish(e);
    for (const e of shipmentA(b, `SRM-T${b.slice(-8)}`, `T${a.slice(-12)}`)) await h.publish(e);
    const find = async (query: string) => ((await h.get('operator', `/api/shipments?${query}`)).body as ListPage).items;

    const byBill = await eventually(
      async () => {
        const items = await find(`billNumber=${billA}`);
        return items.length === 1 && items[0]?.position?.location === 'CNAKL' ? items : undefined;
      },
      20_000,
      'the shipment indexed',
    );
    expect(byBill[0]).toMatchObject({ waybillId: a, billNumber: billA, status: 'issued' });
    expect((await find(`billNumber=${billA.slice(0, -2).toLowerCase()}`)).map((i) => i.waybillId)).toContain(a);
    expect((await find(`q=${billA}`)).map((i) => i.waybillId)).toEqual([a]);

    // all of the second shipment's events applied, not only its first (the filters below read its later ones)
    await eventually(
      async () => {
        const items = await find(`q=${b}`);
        return items.length === 1 && items[0]?.status === 'issued' && items[0]?.position?.location === 'CNAKL'
          ? true
          : undefined;
      },
      20_000,
      'the second shipment indexed',
    );
    for (const query of [
      'container=rblu1000015',
      `creditNumber=T${a.slice(-12)}`,
      `party=${h.parties.id('consignee')}`,
      'status=issued',
      'place=BYBQT',
      'q=RBLU1000020',
    ]) {
      const ids = (await find(`${query}&limit=100`)).map((i) => i.waybillId);
      expect(ids, query).toContain(a);
      expect(ids, query).toContain(b);
    }
    expect(await find(`container=RBLU1000015&place=SGSIN`)).toEqual([]);
    expect(await find(`party=${h.parties.id('stranger')}`)).toEqual([]);

    const first = (await h.get('operator', '/api/shipments?container=RBLU1000015&limit=1')).body as ListPage;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (await h.get('operator', `/api/shipments?container=RBLU1000015&limit=1&cursor=${first.nextCursor}`))
      .body as ListPage;
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.waybillId).not.toBe(first.items[0]?.waybillId);

    expect((await h.get('operator', '/api/shipments?limit=101')).status).toBe(400);
    expect((await h.get('operator', '/api/shipments?cursor=nonsense')).status).toBe(422);
    expect((await h.get('carrier', '/api/shipments')).status).toBe(403);
  });
});

describe('the attention panel and the pulse', () => {
  it('lists a held declaration and a presentation near its deadline, each with its shipment', async () => {
    const id = uuidv7();
    const events = shipmentA(id, `SRM-A${id.slice(-8)}`);
    const upToPresented = events.slice(0, events.findIndex((e) => e.type === 'lc.presented') + 1);
    const today = new Date().toISOString().slice(0, 10);
    const declarationId = uuidv7();
    const now = new Date().toISOString();
    const held = {
      topic: CUSTOMS_TOPIC,
      type: 'customs.held',
      subject: declarationId,
      version: 1,
      correlationId: id,
      time: now,
      data: {
        waybillId: id,
        declarationType: 'transit',
        office: 'PLMAA',
        status: 'held',
        at: now,
        by: h.parties.id('customsPl'),
        reason: 'seal number differs from the bill',
      },
    };
    for (const e of upToPresented)
      await h.publish(
        e.type === 'lc.presented'
          ? { ...e, time: now, data: { ...(e.data as object), decisionDeadline: today, presentedAt: now } }
          : e,
      );
    await h.publish(held);

    type Panel = { items: { kind: string; waybillId: string | null; detail: string }[] };
    const panel = await eventually(
      async () => {
        const body = (await h.get('operator', '/api/attention')).body as Panel;
        const mine = body.items.filter((i) => i.waybillId === id);
        return mine.length >= 2 ? mine : undefined;
      },
      20_000,
      'the attention entries',
    );
    expect(panel).toContainEqual(
      expect.objectContaining({ kind: 'declaration_held', detail: expect.stringContaining('PLMAA') }),
    );
    expect(panel).toContainEqual(
      expect.objectContaining({ kind: 'presentation_deadline', detail: expect.stringContaining(today) }),
    );
    // a presentation decided (shipment (a) paid) is not listed
    const paid = uuidv7();
    const paidEvents = shipmentA(paid, `SRM-P${paid.slice(-8)}`);
    for (const e of paidEvents) await h.publish(e);
    // every event of the paid shipment stored (its row is refolded in the same transactions)
    await eventually(
      async () => {
        const r = await h.get('operator', `/api/shipments/${paid}/timeline`);
        return r.status === 200 && (r.body as { events: unknown[] }).events.length === paidEvents.length
          ? true
          : undefined;
      },
      20_000,
      'the paid shipment',
    );
    const after = (await h.get('operator', '/api/attention')).body as Panel;
    expect(after.items.filter((i) => i.waybillId === paid)).toEqual([]);
    expect((await h.get('shipper', '/api/attention')).status).toBe(403);

    const p = (await h.get('operator', '/api/pulse?minutes=5')).body as {
      minutes: number;
      topics: Record<string, number[]>;
    };
    expect(p.minutes).toBe(5);
    expect(p.topics[CUSTOMS_TOPIC]?.at(-1) ?? 0).toBeGreaterThan(0);
    expect(p.topics[WAYBILL_TOPIC]?.reduce((x, y) => x + y, 0) ?? 0).toBeGreaterThan(0);
    expect((await h.get('operator', '/api/pulse?minutes=500')).status).toBe(400);
  });
});

describe('the shipment timeline', () => {
  it('groups a shipment by correlation id, with its credit, in time order, and summarises it', async () => {
    const waybillId = uuidv7();
    const other = uuidv7();
    for (const e of duisburgShipmentEvents(h.parties, waybillId)) await h.publish(e);
    for (const e of duisburgShipmentEvents(h.parties, other).slice(1, 3)) await h.publish(e);

    const timeline = await eventually(
      async () => {
        const r = await h.get('operator', `/api/shipments/${waybillId}/timeline`);
        const body = r.body as { events: { type: string; correlationId: string; time: string }[] };
        return r.status === 200 && body.events.length === duisburgShipmentEvents(h.parties, waybillId).length
          ? body
          : undefined;
      },
      20_000,
      'the whole timeline',
    );
    const times = timeline.events.map((e) => e.time);
    expect(times).toEqual([...times].sort());
    expect(timeline.events[0]?.type).toBe('lc.issued');
    expect(new Set(timeline.events.slice(1).map((e) => e.correlationId))).toEqual(new Set([waybillId]));

    const { summary, places } = timeline as unknown as {
      summary: Record<string, unknown>;
      places: Record<string, { lat: number; lon: number }>;
    };
    expect(Object.keys(places).sort()).toEqual(['BYBQT', 'CNAKL', 'CNCQI', 'DEDUI', 'PLMAA']);
    expect(summary).toMatchObject({
      waybillId,
      status: 'issued',
      holder: h.parties.id('consignee'),
      legs: [{ sequence: 1, from: 'CNCQI', to: 'DEDUI', status: 'gauge_changed' }],
      holders: [
        { holder: h.parties.id('shipper'), via: 'issued' },
        { holder: h.parties.id('nominatedBank'), via: 'transferred' },
        { holder: h.parties.id('bank'), via: 'transferred on forward' },
        { holder: h.parties.id('consignee'), via: 'endorsed on payment' },
      ],
      declarations: [{ type: 'export', office: 'CNCQI', status: 'released', channel: 'green' }],
      position: { location: 'CNAKL', event: 'gauge_changed', leg: 1 },
      credits: [{ number: 'RRH26DC000417', status: 'paid', presentations: [{ status: 'paid', result: 'complying' }] }],
    });

    expect((await h.get('operator', `/api/shipments/${uuidv7()}/timeline`)).status).toBe(404);
    const refused = await h.get('carrier', `/api/shipments/${waybillId}/timeline`);
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect((await h.get(undefined, `/api/shipments/${waybillId}/timeline`)).status).toBe(401);
  });

  it('lists events with filters and a cursor', async () => {
    const waybillId = uuidv7();
    for (const e of duisburgShipmentEvents(h.parties, waybillId)) await h.publish(e);
    const filter = `correlationId=${waybillId}&topic=${WAYBILL_TOPIC}`;
    await eventually(
      async () => {
        const r = await h.get('operator', `/api/events?${filter}&limit=100`);
        return (r.body as { items: unknown[] }).items.length === 8 ? true : undefined;
      },
      15_000,
      'the bill events',
    );
    const first = (await h.get('operator', `/api/events?${filter}&limit=5`)).body as {
      items: { seq: number }[];
      nextCursor: string;
    };
    const second = (await h.get('operator', `/api/events?${filter}&limit=5&cursor=${first.nextCursor}`)).body as {
      items: { seq: number }[];
      nextCursor: string | null;
    };
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(Math.min(...first.items.map((e) => e.seq))).toBeGreaterThan(Math.max(...second.items.map((e) => e.seq)));
    expect((await h.get('operator', '/api/events?limit=101')).status).toBe(400);
    expect((await h.get('operator', '/api/events?cursor=nonsense')).status).toBe(422);
  });
});

describe('dead letters and lag', () => {
  it('lists the records of the dead-letter topics with their reasons', async () => {
    await h.producer.send({
      topic: `${h.prefix}letter-of-credit.dlq.v1`,
      messages: [{ key: 'k-1', value: 'not json at all', headers: { 'dlq-reason': 'record value is not JSON' } }],
    });
    // an invalid envelope on a topic the console consumes lands in the console's own DLQ
    await h.producer.send({
      topic: `${h.prefix}${WAYBILL_TOPIC}`,
      messages: [{ key: 'k-2', value: '{"specversion":"0.3"}' }],
    });
    const page = await eventually(
      async () => {
        const r = await h.get('operator', '/api/dead-letters');
        const body = r.body as { items: { topic: string; key: string; reason: string; value: string }[] };
        return body.items.length >= 2 ? body : undefined;
      },
      20_000,
      'two dead letters',
    );
    expect(page.items).toContainEqual(
      expect.objectContaining({
        topic: `${h.prefix}letter-of-credit.dlq.v1`,
        key: 'k-1',
        reason: 'record value is not JSON',
        value: 'not json at all',
      }),
    );
    expect(page.items).toContainEqual(
      expect.objectContaining({
        topic: `${h.prefix}console.dlq.v1`,
        key: 'k-2',
        reason: expect.stringContaining('invalid envelope'),
      }),
    );
    expect((await h.get('shipper', '/api/dead-letters')).status).toBe(403);
  });

  it('puts dead letters and lagging groups on the attention panel, linked to their shipment when known', async () => {
    const id = uuidv7();
    for (const e of shipmentA(id, `SRM-D${id.slice(-8)}`).slice(1, 3)) await h.publish(e);
    await eventually(
      async () => ((await h.get('operator', `/api/shipments?q=${id}`)).body as ListPage).items[0]?.billNumber,
      20_000,
      'the shipment issued',
    );
    const envelope = JSON.stringify({ specversion: '1.0', id: uuidv7(), type: 'waybill.issued', correlationid: id });
    await h.producer.send({
      topic: `${h.prefix}customs-clearance.dlq.v1`,
      messages: [{ key: id, value: envelope, headers: { 'dlq-reason': 'handler failed 5 times' } }],
    });
    type Panel = { items: { kind: string; waybillId: string | null; billNumber: string | null; detail: string }[] };
    const letter = await eventually(
      async () =>
        ((await h.get('operator', '/api/attention')).body as Panel).items.find(
          (i) => i.kind === 'dead_letter' && i.detail.includes('handler failed 5 times'),
        ),
      20_000,
      'the dead letter on the panel',
    );
    expect(letter).toMatchObject({ waybillId: id, billNumber: `SRM-D${id.slice(-8)}` });
    await h.producer.send({
      topic: `${h.prefix}waybill.dlq.v1`,
      messages: [{ key: 'k-3', value: 'garbage', headers: { 'dlq-reason': 'record value is not JSON (panel)' } }],
    });
    const unlinked = await eventually(
      async () =>
        ((await h.get('operator', '/api/attention')).body as Panel).items.find((i) =>
          i.detail.includes('record value is not JSON (panel)'),
        ),
      20_000,
      'the unlinked dead letter',
    );
    expect(unlinked).toMatchObject({ kind: 'dead_letter', waybillId: null });

    const lagging = (lag: number) => async () => ({
      groups: [{ group: 'waybill', groupId: 'waybill', state: 'Stable', members: 1, lag, topics: [] }],
    });
    const today = new Date().toISOString().slice(0, 10);
    const behind = await attentionPanel(h.service.deps.db, { today, lag: lagging(101), lagThreshold: 100 });
    expect(behind.items).toContainEqual(
      expect.objectContaining({ kind: 'consumer_lag', detail: expect.stringContaining('101') }),
    );
    const fine = await attentionPanel(h.service.deps.db, { today, lag: lagging(100), lagThreshold: 100 });
    expect(fine.items.filter((i) => i.kind === 'consumer_lag')).toEqual([]);
  });

  it('reports the lag of the console group', async () => {
    const r = await eventually(
      async () => {
        const res = await h.get('operator', '/api/consumer-lag');
        const body = res.body as { groups: { group: string; lag: number; topics: unknown[] }[] };
        const mine = body.groups.find((g) => g.group === 'console');
        return mine !== undefined && mine.topics.length > 0 && mine.lag === 0 ? body : undefined;
      },
      20_000,
      'console lag 0',
    );
    expect(r.groups.map((g) => g.group)).toEqual(['waybill', 'letter-of-credit', 'customs-clearance', 'console']);
  });
});
