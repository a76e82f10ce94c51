import { chongqingDuisburgBill, eventually, makeParties } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDraw } from '../domain/risk/sampler.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { exportDeclarationId } from './declaration-ids.ts';

// docs/contract.md §5 "a seeded sampling rate": two instances with the same seed send the same declaration to the same channel.
const sampling = { seed: 'railbill-2026', yellowRate: 0.5, redRate: 0, aeoExempt: false };
let a: Harness;
let b: Harness;
beforeAll(async () => {
  const parties = makeParties();
  [a, b] = (await Promise.all([0, 1].map(() => startHarness({ parties, sampling })))) as [Harness, Harness];
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const channelOf = (h: Harness, waybillId: string) =>
  eventually(async () => {
    const assessed = h.published(waybillId).find((e) => e.type === 'customs.risk_assessed');
    return (assessed?.data as { channel?: string } | undefined)?.channel;
  });

describe('the seeded sampler', () => {
  it('draws the same channel for the same declaration on two service instances', async () => {
    // a non-AEO shipper under the value threshold: only sampling decides the channel
    const bill = chongqingDuisburgBill(a.parties, {
      shipper: a.parties.id('shipper2'),
      declaredValue: { amount: '50000.00', currency: 'USD' },
    });
    const waybills = Array.from({ length: 8 }, () => uuidv7());
    for (const id of waybills) await Promise.all([a.issueBill(bill, id), b.issueBill(bill, id)]);
    const channels = await Promise.all(
      waybills.map(async (id) => [await channelOf(a, id), await channelOf(b, id)] as const),
    );
    const expected = waybills.map((id) =>
      sampleDraw(sampling.seed, exportDeclarationId(id)) < sampling.yellowRate ? 'yellow' : 'green',
    );
    expect(channels.map(([x]) => x)).toEqual(expected);
    expect(channels.map(([, y]) => y)).toEqual(expected);
  });
});
