import { chongqingDuisburgBill, daysAgo, eventually, recordTopics } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';

// Regression (issue #16, defect 1): `lc.paid` racing a carrier milestone lost the bill's release to the DLQ.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const waitingOnLocks = async (): Promise<number> =>
  (
    await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    )
  ).rows[0]?.n ?? 0;

describe('the payment release of a bill (lc.paid → endorsement to the applicant)', () => {
  it('survives a version conflict with a carrier milestone committed first: retried, not dead-lettered', async () => {
    const p = h.parties;
    const id = (await h.call('shipper', 'POST', '/waybills', chongqingDuisburgBill(p))).body.id as string;
    expect((await h.call('carrier', 'POST', `/waybills/${id}/issue`, {})).status).toBe(200);
    await h.customs(id, 'export', 'released', 'CNCQI');
    await eventually(async () => {
      const r = await h.call('shipper', 'GET', `/waybills/${id}`);
      return (r.body.customs as { export: string | null }).export === 'released' ? true : undefined;
    });
    const departed = { leg: 1, event: 'departed', at: daysAgo(16), location: 'CNCQI' };
    expect((await h.call('carrier', 'POST', `/waybills/${id}/milestones`, departed)).status).toBe(200);
    // the issuing bank, the bill's order party, holds it: the entitled bank of the credit that releases it
    expect((await h.call('shipper', 'POST', `/waybills/${id}/transfer`, { to: p.id('bank') })).status).toBe(200);
    const dlq = await recordTopics(h.kafka, [`${h.prefix}waybill.dlq.v1`]);

    // a row lock held by the test queues both writers: the carrier's milestone first, then the payment's release,
    // both having read the same version; releasing the lock lets the milestone commit and the release conflict
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const lock = h.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from documents where id = ${id} for update`);
      locked();
      await held;
    });
    await lockTaken;
    const crossed = { leg: 1, event: 'border_crossed', at: daysAgo(12), location: 'CNAKL' };
    const milestone = h.call('carrier', 'POST', `/waybills/${id}/milestones`, crossed);
    await eventually(async () => ((await waitingOnLocks()) >= 1 ? true : undefined), 10_000, 'the milestone to wait');
    const paymentId = await h.lcPaid(id, 'RRH26DC000417', 'bank', 'consignee', '1248000.00');
    await eventually(async () => ((await waitingOnLocks()) >= 2 ? true : undefined), 10_000, 'the release to wait');
    release();
    await lock;
    expect((await milestone).status).toBe(200);

    const released = await eventually(
      async () => {
        const r = await h.call('consignee', 'GET', `/waybills/${id}`);
        return r.body.holder === p.id('consignee') ? r.body : undefined;
      },
      15_000,
      'the bill released to the applicant',
    );
    expect(released.credit).toEqual({ number: 'RRH26DC000417', status: 'paid' });
    expect(released.endorsements).toContainEqual({
      kind: 'endorse',
      from: p.id('bank'),
      to: p.id('consignee'),
      at: expect.any(String),
      causationId: paymentId,
    });
    const history = (await h.call('consignee', 'GET', `/waybills/${id}/history`)).body as unknown as {
      type: string;
    }[];
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['waybill.milestone_recorded']));
    expect((await h.call('consignee', 'GET', `/waybills/${id}/verify`)).body).toMatchObject({ valid: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(dlq.received).toEqual([]);
    await dlq.stop();
  });
});
