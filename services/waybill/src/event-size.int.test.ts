import { chongqingDuisburgBill } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './testing/harness.ts';

// Regression (issue #16, defect 2): a bill just under the 1 MiB body limit was accepted although its event could
// never be published, and then blocked the outbox. It is now refused at the door, naming the limit.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const rows = async () =>
  (
    await h.db.execute<{ n: string }>(
      sql`select (select count(*) from documents) + (select count(*) from outbox) + (select count(*) from document_events) as n`,
    )
  ).rows[0]?.n;

/** A bill of 999 goods lines in Chinese whose body is between 1,000,000 and 1,048,576 bytes. */
const bigBill = () => {
  const bill = chongqingDuisburgBill(h.parties);
  const line = bill.goods[0];
  if (line === undefined) throw new Error('the fixture has goods');
  for (let chars = 200; chars < 512; chars++) {
    const goods = Array.from({ length: 999 }, (_, i) => ({
      ...line,
      description: `${i} ${'笔记本电脑'.repeat(chars).slice(0, chars)}`,
    }));
    const body = { ...bill, goods };
    const bytes = Buffer.byteLength(JSON.stringify(body));
    if (bytes > 1_010_000 && bytes < 1_040_000) return { body, bytes };
  }
  throw new Error('no size in range');
};

describe('a bill whose event the broker could not take', () => {
  it('is refused with 422 event-too-large naming the limit, and nothing is written', async () => {
    const { body, bytes } = bigBill();
    expect(bytes).toBeLessThan(1_048_576);
    const before = await rows();
    const r = await h.call('shipper', 'POST', '/waybills', body);
    expect(r.status).toBe(422);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(r.body.code).toBe('event-too-large');
    expect(r.body.detail).toMatch(/waybill\.submitted event would be \d+ bytes; .* at most 1000000 bytes/);
    expect(await rows()).toBe(before);
  });

  it('still takes a large bill whose event fits', async () => {
    const bill = chongqingDuisburgBill(h.parties);
    const line = bill.goods[0];
    if (line === undefined) throw new Error('the fixture has goods');
    const goods = Array.from({ length: 300 }, (_, i) => ({ ...line, description: `${i} ${'笔记本电脑'.repeat(60)}` }));
    expect((await h.call('shipper', 'POST', '/waybills', { ...bill, goods })).status).toBe(201);
  });
});
