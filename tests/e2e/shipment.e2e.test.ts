import { traceIdOf } from '@railbill/platform';
import {
  chongqingDuisburgBill,
  creditA,
  daysAgo,
  presentation,
  readAllRecords,
  type ServiceName,
  testKafka,
  until,
} from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { untracedRecords } from '../support.ts';

// docs/shipments.md (a) across the three services as real processes, talking only through Kafka: customs
// releases open the bill's gates; the beneficiary transfers the bill to the nominated bank, which forwards it to the
// issuing bank (its order party); the payment releases it from the issuing bank to the applicant (docs/title.md).
const sys = useSystem(['waybill', 'letter-of-credit', 'customs-clearance']);
const { parties, env, call, ok } = sys;

describe('a China Railway Express shipment from Chongqing to Duisburg', () => {
  it('moves its bill, credit and declarations in step', async () => {
    const credit = await ok('letter-of-credit', 'bank', '/credits', creditA(parties), 201);
    await ok('letter-of-credit', 'nominatedBank', `/credits/${credit.id as string}/advise`);

    const bill = await ok('waybill', 'shipper', '/waybills', chongqingDuisburgBill(parties), 201);
    const id = bill.id as string;
    await ok('waybill', 'carrier', `/waybills/${id}/issue`);

    // customs lodges export from waybill.issued by itself; an AEO exporter goes green with no officer
    await until('export released on the bill', async () => {
      const r = await call('waybill', 'shipper', 'GET', `/waybills/${id}`);
      return (r.body.customs as { export: string | null }).export === 'released' ? true : undefined;
    });
    for (const m of [
      { leg: 1, event: 'gate_in', at: daysAgo(3), location: 'CNCQI' },
      { leg: 1, event: 'departed', at: daysAgo(2), location: 'CNCQI' },
      { leg: 1, event: 'border_crossed', at: daysAgo(1, 1), location: 'CNAKL' },
    ])
      await ok('waybill', 'carrier', `/waybills/${id}/milestones`, m);

    // the bill is to the order of the issuing bank: the shipper may not endorse it, only hand it on
    expect(
      (await call('waybill', 'shipper', 'POST', `/waybills/${id}/endorse`, { to: parties.id('nominatedBank') })).status,
    ).toBe(409);
    await ok('waybill', 'shipper', `/waybills/${id}/transfer`, { to: parties.id('nominatedBank') });
    const goods = creditA(parties).goodsDescription;
    const presented = await ok(
      'letter-of-credit',
      'shipper',
      `/credits/${credit.id as string}/presentations`,
      presentation(parties, { waybillId: id, amount: '1248000.00', goods }),
      201,
    );
    const examined = await until('the examination', async () => {
      const r = await call('letter-of-credit', 'shipper', 'GET', `/credits/${credit.id as string}`);
      const p = (r.body.presentations as { id: string; result: string | null; discrepancies: unknown[] }[]).find(
        (x) => x.id === presented.id,
      );
      return p?.result === null || p === undefined ? undefined : p;
    });
    expect(examined).toMatchObject({ result: 'complying', discrepancies: [] });
    const presentationPath = `/credits/${credit.id as string}/presentations/${presented.id as string}`;
    await ok('letter-of-credit', 'nominatedBank', `${presentationPath}/honour`);
    const forwarded = await ok('letter-of-credit', 'nominatedBank', `${presentationPath}/forward`);
    expect(forwarded).toMatchObject({ status: 'honoured', forwarded: true });

    // lc.documents_forwarded → the bill passes to the issuing bank, its order party: the entitled holder
    await until('the bill with the issuing bank', async () => {
      const r = await call('waybill', 'bank', 'GET', `/waybills/${id}`);
      return r.body.holder === parties.id('bank') && r.body.entitled === true ? true : undefined;
    });
    // the paying bank's request brings its own trace; the issue above brought none (the service starts one)
    const payTrace = '00-5e1d2c3b4a5968778695a4b3c2d1e0f1-1a2b3c4d5e6f7081-01';
    await ok('letter-of-credit', 'bank', `${presentationPath}/pay`, {}, 200, { traceparent: payTrace });

    // lc.paid → the issuing bank endorses the bill to the applicant, caused by the payment
    const released = await until('the bill released to the applicant', async () => {
      const r = await call('waybill', 'consignee', 'GET', `/waybills/${id}`);
      return r.body.holder === parties.id('consignee') ? r.body : undefined;
    });
    expect(
      (released.endorsements as { kind: string; from: string; to: string; causationId?: string }[]).map((e) => [
        e.kind,
        e.from,
        e.to,
        e.causationId === undefined ? 'by a party' : 'by an event',
      ]),
    ).toEqual([
      ['issue', parties.id('carrier'), parties.id('shipper'), 'by a party'],
      ['transfer', parties.id('shipper'), parties.id('nominatedBank'), 'by a party'],
      ['transfer', parties.id('nominatedBank'), parties.id('bank'), 'by an event'],
      ['endorse', parties.id('bank'), parties.id('consignee'), 'by an event'],
    ]);
    expect(released).toMatchObject({ orderOf: parties.id('consignee'), entitled: true });
    expect(released.credit).toEqual({ number: 'RRH26DC000417', status: 'paid' });

    await ok('waybill', 'carrier', `/waybills/${id}/milestones`, {
      leg: 1,
      event: 'arrived',
      at: daysAgo(0, 0),
      location: 'DEDUI',
    });
    const early = await call('waybill', 'consignee', 'POST', `/waybills/${id}/surrender`, {});
    expect(early.status).toBe(409);

    // docs/customs.md §8: (1248000.00 − 4800.00 freight after entry) × 0.92 = EUR 1143744.00; duty 0 %;
    // VAT 19 % × (1143744.00 + 4416.00) = EUR 218150.40, payable before release
    const imported = await ok(
      'customs-clearance',
      'consignee',
      '/declarations',
      { type: 'import', waybillId: id, office: 'DEDUI', freightAfterEntry: { amount: '4800.00', currency: 'USD' } },
      201,
    );
    expect(imported).toMatchObject({
      status: 'accepted',
      goods: [
        { customsValue: { amount: '571872.00', currency: 'EUR' }, valuation: { exchangeRate: { rate: '0.9200' } } },
        { customsValue: { amount: '571872.00', currency: 'EUR' } },
      ],
      duties: {
        status: 'assessed',
        duty: { amount: '0.00', currency: 'EUR' },
        vat: { amount: '218150.40', currency: 'EUR' },
      },
    });
    await until('import accepted on the bill', async () => {
      const r = await call('waybill', 'consignee', 'GET', `/waybills/${id}`);
      return (r.body.customs as { import: string | null }).import === 'accepted' ? true : undefined;
    });
    const unpaid = await call('waybill', 'consignee', 'POST', `/waybills/${id}/surrender`, {});
    expect(unpaid.status).toBe(409);
    await ok('customs-clearance', 'consignee', `/declarations/${imported.id as string}/payment`, {
      method: 'paid',
      reference: 'ATLAS-2026-000417',
    });
    await until('import released on the bill', async () => {
      const r = await call('waybill', 'consignee', 'GET', `/waybills/${id}`);
      return (r.body.customs as { import: string | null }).import === 'released' ? true : undefined;
    });
    await ok('waybill', 'consignee', `/waybills/${id}/surrender`);
    const delivered = await ok('waybill', 'carrier', `/waybills/${id}/deliver`);
    expect(delivered.status).toBe('accomplished');

    const verdict = await call('waybill', 'consignee', 'GET', `/waybills/${id}/verify`);
    expect(verdict.body).toMatchObject({ valid: true, signature: { valid: true }, problems: [] });
    const declarations = await call('customs-clearance', 'consignee', 'GET', `/declarations?waybillId=${id}`);
    expect((declarations.body.items as { type: string; status: string }[]).map((d) => [d.type, d.status])).toEqual(
      expect.arrayContaining([
        ['export', 'released'],
        ['import', 'released'],
      ]),
    );

    // docs/operations.md "Tracing": one trace from a request through the events its work causes in other services
    const records = (await readAllRecords(testKafka(env.kafkaBrokers), env.topicPrefix)).map((r) => ({
      ...r,
      envelope: JSON.parse(r.value) as {
        id: string;
        type: string;
        subject: string;
        causationid?: string;
        data: Record<string, unknown>;
      },
    }));
    const one = (what: string, match: (e: (typeof records)[number]['envelope']) => boolean) => {
      const found = records.filter((r) => match(r.envelope));
      expect(found, what).toHaveLength(1);
      return found[0] as (typeof records)[number];
    };
    const paid = one('lc.paid', (e) => e.type === 'lc.paid' && e.subject === credit.id);
    expect(traceIdOf(paid.headers.traceparent)).toBe(traceIdOf(payTrace));
    const endorsed = one(
      'the endorsement caused by lc.paid',
      (e) => e.type === 'waybill.endorsed' && e.subject === id && e.causationid === paid.envelope.id,
    );
    expect(traceIdOf(endorsed.headers.traceparent)).toBe(traceIdOf(payTrace));
    const issued = one('waybill.issued', (e) => e.type === 'waybill.issued' && e.subject === id);
    const issueTrace = traceIdOf(issued.headers.traceparent);
    expect(issueTrace).toEqual(expect.stringMatching(/^[0-9a-f]{32}$/));
    expect(issueTrace).not.toBe(traceIdOf(payTrace));
    const lodged = one(
      "the export declaration's customs.lodged",
      (e) => e.type === 'customs.lodged' && e.data.waybillId === id && e.data.declarationType === 'export',
    );
    expect(traceIdOf(lodged.headers.traceparent)).toBe(issueTrace);
    const { count, untraced } = await untracedRecords(env);
    expect(count).toBeGreaterThanOrEqual(records.length);
    expect(untraced).toEqual([]);

    // docs/operations.md "Metrics": the operators' domain gauges, as Prometheus scrapes them
    expect(await gauge('waybill', 'railbill_documents', { kind: 'waybill', status: 'accomplished' })).toBe(1);
    expect(await gauge('letter-of-credit', 'railbill_presentations', { result: 'complying', status: 'paid' })).toBe(1);
    expect(
      await gauge('customs-clearance', 'railbill_declarations', {
        type: 'export',
        channel: 'green',
        status: 'released',
      }),
    ).toBe(1);
    expect(await gauge('customs-clearance', 'railbill_declarations', { type: 'import', status: 'released' })).toBe(1);
    const drained = async (s: ServiceName) =>
      (await gauge(s, 'railbill_outbox_unpublished', {})) === 0 ? true : undefined;
    for (const s of ['waybill', 'letter-of-credit', 'customs-clearance'] as const) {
      await until(`${s} outbox drained`, () => drained(s));
      expect(await gauge(s, 'railbill_outbox_lag_seconds', {})).toBe(0);
    }
    const lag = await gauge('customs-clearance', 'railbill_inbox_lag_messages', {
      topic: `${env.topicPrefix}waybill.events.v1`,
    });
    expect(lag).toBeGreaterThanOrEqual(0);
  });
});

documentsFoldTheirEvents(sys);

/** The sum of a gauge's series on a service's `/metrics` whose labels include `labels`; undefined when none. */
const gauge = async (service: ServiceName, name: string, labels: Record<string, string>) => {
  const text = await (await fetch(`${sys.url(service)}/metrics`)).text();
  const series = text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .map((l) => {
      const m = /^[^{ ]+(?:\{(.*)\})? (\S+)$/.exec(l);
      const found = Object.fromEntries([...(m?.[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
      return { labels: found, value: Number(m?.[2]) };
    })
    .filter((x) => Object.entries(labels).every(([k, v]) => x.labels[k] === v));
  return series.length === 0 ? undefined : series.reduce((sum, x) => sum + x.value, 0);
};
