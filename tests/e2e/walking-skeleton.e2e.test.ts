import { CloudEvent, parseEnvelope, WAYBILL_TOPIC } from '@railbill/contracts';
import { traceIdOf } from '@railbill/platform';
import { chongqingDuisburgBill, eventually, recordTopics, testKafka } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { json, projectionRow, untracedRecords } from '../support.ts';

// Issue #3 "Done when": a POST /waybills shows up on waybill.events.v1 as a CloudEvents envelope and in both other
// services' projections, each service a real process on the real broker and PostgreSQL.
const sys = useSystem(['waybill', 'letter-of-credit', 'customs-clearance']);
const { parties, env } = sys;
let recorder: Awaited<ReturnType<typeof recordTopics>>;

beforeAll(async () => {
  recorder = await recordTopics(testKafka(env.kafkaBrokers), [`${env.topicPrefix}${WAYBILL_TOPIC}`]);
});
afterAll(async () => {
  await recorder?.stop();
});

describe('the walking skeleton', () => {
  it('carries a submitted bill to the topic and into both other services', async () => {
    const body = chongqingDuisburgBill(parties);
    const res = await fetch(`${sys.url('waybill')}/waybills`, {
      method: 'POST',
      headers: json(parties.token('shipper'), {
        'idempotency-key': 'skeleton-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const bill = (await res.json()) as { id: string; status: string; version: number };
    expect(bill).toMatchObject({ status: 'submitted', version: 1 });
    expect(res.headers.get('location')).toBe(`/waybills/${bill.id}`);

    const message = await eventually(
      async () => recorder.received.find((m) => m.key === bill.id),
      10_000,
      'the event on the topic',
    );
    const parsed = parseEnvelope(message.value);
    expect(parsed.ok).toBe(true);
    const envelope = CloudEvent.parse(JSON.parse(message.value));
    expect(envelope).toMatchObject({
      specversion: '1.0',
      type: 'waybill.submitted',
      subject: bill.id,
      correlationid: bill.id,
      sequence: '0000000001',
      datacontenttype: 'application/json',
    });
    // the request's trace continues: same trace id, a span of the service's own as the parent
    expect(traceIdOf(message.headers.traceparent)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(message.headers.traceparent).not.toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const logged = sys
      .processOf('waybill')
      .process.output()
      .split('\n')
      .filter((l) => l.includes('"msg":"request completed"') && l.includes('"route":"/waybills"'));
    expect(
      logged.some((l) => (JSON.parse(l) as { trace_id?: string }).trace_id === '4bf92f3577b34da6a3ce929d0e0e4736'),
    ).toBe(true);

    for (const name of ['letter-of-credit', 'customs-clearance'] as const) {
      const row = await eventually(
        async () => projectionRow(sys.processOf(name), 'bills', bill.id),
        10_000,
        `${name} projection`,
      );
      expect(row).toMatchObject({ version: 1, applied: 1, state: { waybillId: bill.id, status: 'submitted' } });
    }
  });

  it('replays an idempotent submission and refuses the key with another body', async () => {
    const body = chongqingDuisburgBill(parties);
    const post = (b: unknown) =>
      fetch(`${sys.url('waybill')}/waybills`, {
        method: 'POST',
        headers: json(parties.token('shipper'), { 'idempotency-key': 'skeleton-2' }),
        body: JSON.stringify(b),
      });
    const first = await post(body);
    const again = await post(body);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await post({ ...body, freight: 'collect' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 401, 404 and 400 as problem+json', async () => {
    const created = await fetch(`${sys.url('waybill')}/waybills`, {
      method: 'POST',
      headers: json(parties.token('shipper')),
      body: JSON.stringify(chongqingDuisburgBill(parties)),
    });
    const { id } = (await created.json()) as { id: string };

    const anonymous = await fetch(`${sys.url('waybill')}/waybills/${id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

    const stranger = await fetch(`${sys.url('waybill')}/waybills/${id}`, { headers: json(parties.token('stranger')) });
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ status: 404, type: 'urn:railbill:problem:not-found' });

    const mine = await fetch(`${sys.url('waybill')}/waybills/${id}`, { headers: json(parties.token('carrier')) });
    expect(mine.status).toBe(200);

    const invalid = await fetch(`${sys.url('waybill')}/waybills`, {
      method: 'POST',
      headers: json(parties.token('shipper')),
      body: JSON.stringify({ ...chongqingDuisburgBill(parties), hidden: true }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(((await invalid.json()) as { errors: unknown[] }).errors).toContainEqual({
      pointer: '#/hidden',
      detail: 'unknown field',
    });
  });
});

describe('trace context', () => {
  it('is on every record the run produced, as a valid traceparent', async () => {
    const { count, untraced } = await untracedRecords(env);
    expect(count).toBeGreaterThan(0);
    expect(untraced).toEqual([]);
  });
});

describe('graceful shutdown', () => {
  it('stops HTTP, the consumer and the relay on SIGTERM, flushing first, and exits 0', async () => {
    const lc = sys.processOf('letter-of-credit').process;
    await lc.kill('SIGTERM');
    const exit = await lc.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = lc
      .output()
      .split('\n')
      .filter((l) => l.includes('"msg":"stopped"'))
      .map((l) => (JSON.parse(l) as { part: string }).part);
    expect(stopped).toEqual(['http', 'background', 'inbox-consumer', 'outbox-relay', 'kafka', 'database', 'tracing']);
  });
});

documentsFoldTheirEvents(sys);
