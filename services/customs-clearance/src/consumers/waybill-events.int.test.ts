import { chongqingDuisburgBill, eventually, recordTopics } from '@railbill/testkit';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { exportDeclarationId, transitDeclarationId } from './declaration-ids.ts';

// docs/contract.md §5/§6: the service lodges the export on `waybill.issued` and opens transit on `border_crossed`, exactly once.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

const declarationsOf = async (waybillId: string) =>
  (
    await h.db.execute<{ id: string; type: string; status: string }>(
      sql`select declaration_id as id, type, status from declaration_index where waybill_id = ${waybillId}`,
    )
  ).rows;

/** Waits until the consumer folded the bill's event of `version` into the `bills` projection. */
const consumedUpTo = (waybillId: string, version: number) =>
  eventually(async () => {
    const r = await h.db.execute<{ version: number }>(
      sql`select version from projections where name = 'bills' and id = ${waybillId}`,
    );
    return (r.rows[0]?.version ?? 0) >= version ? true : undefined;
  });

const milestone = (location: string, leg = 1) => ({
  type: 'waybill.milestone_recorded',
  data: { leg, event: 'border_crossed', at: new Date().toISOString(), location, recordedBy: h.parties.id('carrier') },
});

describe('waybill.issued', () => {
  it('lodges one export however often it arrives', async () => {
    const { waybillId, issued } = await h.issueBill(chongqingDuisburgBill(h.parties));
    // the same event delivered twice more (the inbox dedupes by event id) ...
    await h.waybillEvent(waybillId, issued);
    await h.waybillEvent(waybillId, issued);
    // ... and re-sent under another event id and a later sequence: only the derived declaration id stops this one
    await h.waybillEvent(waybillId, { type: issued.type, version: 3, data: issued.data });
    await consumedUpTo(waybillId, 3);
    expect(await declarationsOf(waybillId)).toEqual([
      { id: exportDeclarationId(waybillId), type: 'export', status: 'released' },
    ]);
    const inbox = await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from inbox where event_id = ${issued.id}`,
    );
    expect(inbox.rows[0]?.n).toBe(1);
    await eventually(async () => (h.published(waybillId).length >= 4 ? true : undefined));
    expect(h.published(waybillId).filter((e) => e.type === 'customs.lodged')).toHaveLength(1);
  });

  it('releases an AEO exporter of ordinary goods green, with no officer, on the topic', async () => {
    const { waybillId, issued } = await h.issueBill(chongqingDuisburgBill(h.parties));
    const events = await eventually(async () => {
      const e = h.published(waybillId);
      return e.some((x) => x.type === 'customs.released') ? e : undefined;
    });
    expect(events.map((e) => e.type)).toEqual([
      'customs.lodged',
      'customs.accepted',
      'customs.risk_assessed',
      'customs.released',
    ]);
    const id = exportDeclarationId(waybillId);
    expect(events.map((e) => [e.subject, e.sequence, e.source])).toEqual(
      [1, 2, 3, 4].map((n) => [id, `000000000${n}`, '/railbill/customs-clearance']),
    );
    expect(events[0]).toMatchObject({ correlationid: waybillId, causationid: issued.id });
    expect(events[0]?.data).toMatchObject({
      declarationType: 'export',
      office: 'CNCQI',
      exporter: { id: h.parties.id('shipper'), aeo: true },
    });
    expect(events[2]?.data).toMatchObject({ channel: 'green' });
    expect(events[3]?.data).not.toHaveProperty('by');
  });
});

describe('waybill.milestone_recorded border_crossed', () => {
  it('opens one transit at PLMAA for a DEDUI bill, none at CNAKL or BYBQT, even when the milestone repeats', async () => {
    const { waybillId } = await h.issueBill(chongqingDuisburgBill(h.parties));
    await h.waybillEvent(waybillId, { ...milestone('CNAKL'), version: 3 });
    await h.waybillEvent(waybillId, { ...milestone('BYBQT'), version: 4 });
    const crossed = { ...milestone('PLMAA'), version: 5, id: uuidv7() };
    await h.waybillEvent(waybillId, crossed);
    await h.waybillEvent(waybillId, crossed);
    // the carrier records the same crossing a second time: a new event, the same transit
    await h.waybillEvent(waybillId, { ...milestone('PLMAA'), version: 6 });
    await consumedUpTo(waybillId, 6);
    const transitId = transitDeclarationId(waybillId, 1, 'PLMAA');
    expect((await declarationsOf(waybillId)).filter((d) => d.type === 'transit')).toEqual([
      { id: transitId, type: 'transit', status: 'released' },
    ]);
    const read = await h.call('customsDe', 'GET', `/declarations/${transitId}`);
    expect(read.body).toMatchObject({ office: 'PLMAA', destinationOffice: 'DEDUI', status: 'released' });
    // docs/contract.md §5: ends `discharged` at its office of destination, by customs there only
    expect((await h.call('customsPl', 'POST', `/declarations/${transitId}/discharge`, {})).status).toBe(403);
    const discharged = await h.call('customsDe', 'POST', `/declarations/${transitId}/discharge`, {});
    expect(discharged.status).toBe(200);
    expect(discharged.body).toMatchObject({ id: transitId, status: 'discharged' });
  });

  it('sends a crossing the domain refuses (no such leg) to the DLQ and keeps consuming', async () => {
    const dlq = await recordTopics(h.kafka, [`${h.prefix}customs-clearance.dlq.v1`]);
    try {
      const { waybillId } = await h.issueBill(chongqingDuisburgBill(h.parties));
      await h.waybillEvent(waybillId, { ...milestone('PLMAA', 2), version: 3 });
      const dead = await eventually(async () => dlq.received.find((m) => m.key === waybillId));
      expect(dead.headers['dlq-reason']).toBe('PermanentFailure: no-such-leg: the bill has no leg 2');
      await h.waybillEvent(waybillId, { ...milestone('PLMAA'), version: 3 });
      await eventually(async () =>
        (await declarationsOf(waybillId)).some((d) => d.type === 'transit') ? true : undefined,
      );
    } finally {
      await dlq.stop();
    }
  });
});
