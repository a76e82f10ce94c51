import { CUSTOMS_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { eventually } from '@railbill/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, openStream, startHarness } from './testing/harness.ts';
import { duisburgShipmentEvents } from './testing/shipment-events.ts';
import { uuidv7 } from './testing/uuid.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), inject('kafkaBrokers'));
});
afterAll(async () => {
  await h?.stop();
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
    const onlyCustoms = await openStream(streamUrl(`?topic=${CUSTOMS_TOPIC}&token=${h.parties.token('operator')}`));
    expect(all.status).toBe(200);
    expect(all.contentType).toContain('text/event-stream');
    expect(onlyCustoms.status).toBe(200);

    const anonymous = await openStream(streamUrl());
    const shipper = await openStream(streamUrl(), bearer(h.parties.token('shipper')));
    const shipperByQuery = await openStream(streamUrl(`?token=${h.parties.token('stranger')}`));
    expect(anonymous.status).toBe(401);
    expect(anonymous.contentType).toContain('application/problem+json');
    expect(shipper.status).toBe(403);
    expect(shipperByQuery.status).toBe(403);

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
        return r.status === 200 && body.events.length === 16 ? body : undefined;
      },
      20_000,
      'the whole timeline',
    );
    const times = timeline.events.map((e) => e.time);
    expect(times).toEqual([...times].sort());
    expect(timeline.events[0]?.type).toBe('lc.issued');
    expect(new Set(timeline.events.slice(1).map((e) => e.correlationId))).toEqual(new Set([waybillId]));

    const { summary } = timeline as unknown as { summary: Record<string, unknown> };
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
