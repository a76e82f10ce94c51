import { chongqingDuisburgBill, creditA, presentation } from '@railbill/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../services/console/src/testing/uuid.ts';
import { type InProcessSystem, type ServiceName, startInProcessSystem } from './system.ts';

// Regression (issue #16, defect 3): NUL characters and lone UTF-16 surrogates in text fields answered 500
// (PostgreSQL refuses U+0000, the canonical JSON of the hash chain refuses lone surrogates) instead of 400.
let sys: InProcessSystem;
beforeAll(async () => {
  sys = await startInProcessSystem();
  return sys.stop;
});

const HOSTILE = {
  nul: 'laptops\u0000 14 inch',
  'lone high surrogate': 'laptops \ud83d',
  'lone low surrogate': '\ude00x',
};

type Case = Readonly<{
  service: ServiceName;
  url: string;
  /** A valid body, and where a hostile text goes (a path of keys and indexes). */
  body: () => Record<string, unknown>;
  at: readonly (string | number)[];
}>;

const setAt = (body: Record<string, unknown>, path: readonly (string | number)[], value: string) => {
  let node: Record<string | number, unknown> = body;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return body;
};

const cases = (): readonly Case[] => {
  const p = sys.parties;
  const id = uuidv7();
  return [
    { service: 'waybill', url: '/waybills', body: () => chongqingDuisburgBill(p), at: ['goods', 0, 'description'] },
    { service: 'waybill', url: '/waybills', body: () => chongqingDuisburgBill(p), at: ['consignee'] },
    { service: 'waybill', url: '/waybills', body: () => chongqingDuisburgBill(p), at: ['goods', 0, 'sealNumber'] },
    { service: 'waybill', url: `/waybills/${id}/void`, body: () => ({ reason: 'x' }), at: ['reason'] },
    {
      service: 'waybill',
      url: `/waybills/${id}/milestones`,
      body: () => ({ leg: 1, event: 'departed', at: new Date().toISOString(), location: 'CNCQI', name: 'x' }),
      at: ['name'],
    },
    { service: 'waybill', url: `/waybills/${id}/endorse`, body: () => ({ to: 'x' }), at: ['to'] },
    { service: 'letter-of-credit', url: '/credits', body: () => creditA(p), at: ['goodsDescription'] },
    { service: 'letter-of-credit', url: '/credits', body: () => creditA(p), at: ['expiry', 'place'] },
    {
      service: 'letter-of-credit',
      url: `/credits/${id}/presentations`,
      body: () => presentation(p, { waybillId: uuidv7(), amount: '100.00', goods: 'laptops' }),
      at: ['invoice', 'number'],
    },
    {
      service: 'letter-of-credit',
      url: `/credits/${id}/amendments`,
      body: () => ({ changes: {}, note: 'x' }),
      at: ['note'],
    },
    {
      service: 'customs-clearance',
      url: '/declarations',
      body: () => ({
        type: 'import',
        waybillId: uuidv7(),
        goods: [{ hsCode: '847130', description: 'x', grossKg: '1.0', packages: 1 }],
      }),
      at: ['goods', 0, 'description'],
    },
    {
      service: 'customs-clearance',
      url: `/declarations/${id}/decision`,
      body: () => ({ outcome: 'release', reason: 'x' }),
      at: ['reason'],
    },
  ];
};

const asMember = { waybill: 'shipper', 'letter-of-credit': 'bank', 'customs-clearance': 'consignee' } as const;

describe('text fields on every create and action endpoint', () => {
  it('refuse NUL and lone surrogates with 400 problem+json naming the field, and write nothing', async () => {
    for (const c of cases())
      for (const [kind, value] of Object.entries(HOSTILE)) {
        const before = await sys.rowCounts(c.service);
        const r = await sys.call[c.service](asMember[c.service], 'POST', c.url, setAt(c.body(), c.at, value));
        const what = `${c.service} ${c.url} ${c.at.join('.')} with a ${kind}`;
        expect(r.status, what).toBe(400);
        expect(String(r.headers['content-type']), what).toContain('application/problem+json');
        expect(r.body.errors, what).toContainEqual({ pointer: `#/${c.at.join('/')}`, detail: expect.any(String) });
        expect(await sys.rowCounts(c.service), what).toBe(before);
      }
  });

  it('still accept a valid surrogate pair (an emoji) where free text is allowed', async () => {
    const bill = chongqingDuisburgBill(sys.parties);
    const goods = bill.goods.map((g) => ({ ...g, description: `${g.description} 💻` }));
    const r = await sys.call.waybill('shipper', 'POST', '/waybills', { ...bill, goods });
    expect(r.status).toBe(201);
    expect((r.body.goods as { description: string }[])[0]?.description).toContain('💻');
  });
});
