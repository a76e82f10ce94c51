import { addMinutes, type LocalDate } from '@railbill/contracts';
import { chongqingToday, creditA, creditC, day, eventually, presentation } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadBillView } from './store/facts.ts';
import { type Harness, overDrawnUnderC, startHarness } from './testing/harness.ts';
import { instantOn } from './testing/waybill-events.ts';

// issue #5: examination reads only consumed waybill events; amendments; the expiry job.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  return h.stop;
});

type Presentation = { id: string; status: string; result: string | null; discrepancies: { code: string }[] };

const presentationOf = async (creditId: string, presentationId: string) => {
  const r = await h.call('shipper', 'GET', `/credits/${creditId}`);
  return (r.body.presentations as Presentation[]).find((x) => x.id === presentationId);
};

const advisedCredit = async (terms: ReturnType<typeof creditA>) => {
  const id = (await h.call('bank', 'POST', '/credits', terms)).body.id as string;
  expect((await h.call('nominatedBank', 'POST', `/credits/${id}/advise`, {})).status).toBe(200);
  return id;
};

/** An advised credit A that expires in Chongqing on `expiry`, for goods shipped by `latestShipment`. */
const expiringCredit = (number: string, expiry: LocalDate, latestShipment: LocalDate) =>
  advisedCredit(
    creditA(h.parties, { number, expiry: { date: expiry, place: 'Chongqing' }, latestShipmentDate: latestShipment }),
  );

describe('a presentation made before the bill’s events were consumed', () => {
  it('waits, and is examined once they arrive, on the consumed bill only', async () => {
    const p = h.parties;
    const id = await advisedCredit(creditA(p, { number: 'RRH26DC000601' }));
    const waybillId = uuidv7();
    const presented = await h.present(id, { waybillId, amount: '1248000.00', goods: creditA(p).goodsDescription });
    expect(presented.status).toBe(201);
    expect(presented.body).toMatchObject({ status: 'awaiting_documents', result: null, discrepancies: [] });
    const pid = presented.body.id as string;
    expect((await h.call('nominatedBank', 'POST', `/credits/${id}/presentations/${pid}/honour`, {})).status).toBe(409);

    // the waybill service recorded these before the presentation; this service consumes them only now
    const before = (step: number) => instantOn(day(-8 + step));
    await h.publishWaybill(
      waybillId,
      h.billLife({ waybillId, creditNumber: 'RRH26DC000601', departedOn: day(-6), at: (step) => before(step) }),
    );
    const examined = await eventually(async () => {
      const x = await presentationOf(id, pid);
      return x?.result === null ? undefined : x;
    });
    expect(examined).toMatchObject({ status: 'complying', result: 'complying', discrepancies: [] });
    const types = h.lcEvents(id).map((e) => e.envelope.type);
    await eventually(async () => (h.lcEvents(id).some((e) => e.envelope.type === 'lc.examined') ? true : undefined));
    expect(h.lcEvents(id).filter((e) => e.envelope.type === 'lc.examined')).toHaveLength(1);
    expect(types).not.toContain('lc.refused');
  });
});

describe('amendments', () => {
  it('an accepted amendment changes the terms a later examination uses; a rejected one does not', async () => {
    const p = h.parties;
    const id = await advisedCredit(creditC(p, { number: 'RRH26DC000602' }));
    const raise = await h.call('bank', 'POST', `/credits/${id}/amendments`, {
      changes: { amount: { amount: '560000.00', currency: 'USD' } },
      note: 'raise the amount',
    });
    expect(raise.status).toBe(201);
    expect(raise.body).toMatchObject({ n: 1, status: 'proposed' });
    expect(raise.headers.location).toBe(`/credits/${id}/amendments/1`);
    const extend = await h.call('bank', 'POST', `/credits/${id}/amendments`, {
      changes: { latestShipmentDate: day(0) },
    });
    expect(extend.body).toMatchObject({ n: 2, status: 'proposed', changes: { latestShipmentDate: day(0) } });

    const rejected = await h.call('shipper', 'POST', `/credits/${id}/amendments/1/reject`, {});
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ n: 1, status: 'rejected' });
    const accepted = await h.call('shipper', 'POST', `/credits/${id}/amendments/2/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ n: 2, status: 'accepted' });
    expect((await h.call('bank', 'POST', `/credits/${id}/amendments/2/accept`, {})).status).toBe(403);

    const credit = await h.call('consignee', 'GET', `/credits/${id}`);
    expect(credit.body).toMatchObject({ latestShipmentDate: day(0), amount: { amount: '500000.00' } });

    const waybillId = uuidv7();
    await h.publishWaybill(waybillId, h.billLife({ waybillId, creditNumber: 'RRH26DC000602', departedOn: day(-4) }));
    const presented = await h.present(id, overDrawnUnderC(p, waybillId));
    const pid = presented.body.id as string;
    const examined = await eventually(async () => {
      const x = await presentationOf(id, pid);
      return x?.result === null ? undefined : x;
    });
    // shipped 4 days ago: late under the issued terms, in time under amendment 2; the amount still over 525000.00
    expect(examined.discrepancies.map((d) => d.code)).toEqual(['AMOUNT_EXCEEDS_TOLERANCE']);
  });
});

describe('the backstop of the expiry job', () => {
  /** A presentation under a bill consumed up to its departure but never endorsed to a bank: it waits. */
  const waitingPresentation = async (number: string) => {
    const p = h.parties;
    const id = await advisedCredit(creditA(p, { number }));
    const waybillId = uuidv7();
    await h.publishWaybill(waybillId, h.billLife({ waybillId, creditNumber: number, departedOn: day(-6) }).slice(0, 3));
    await eventually(async () => (await loadBillView(h.service.deps.db, waybillId))?.firstDeparture ?? undefined);
    const presented = await h.present(id, { waybillId, amount: '1248000.00', goods: creditA(p).goodsDescription });
    expect(presented.body).toMatchObject({ status: 'awaiting_documents', result: null });
    const body = presented.body as { id: string; presentedAt: string; decisionDeadline: string };
    return { id, pid: body.id, presentedAt: body.presentedAt, deadline: body.decisionDeadline };
  };
  const examinedCount = (id: string) => h.lcEvents(id).filter((e) => e.envelope.type === 'lc.examined').length;

  it('examines a presentation on its known bill after an hour of waiting, once', async () => {
    const { id, pid, presentedAt } = await waitingPresentation('RRH26DC000604');
    expect((await h.expiry.runOnce(chongqingToday(), addMinutes(presentedAt, 59))).examined).toEqual([]);
    expect((await h.expiry.runOnce(chongqingToday(), addMinutes(presentedAt, 60))).examined).toEqual([pid]);
    expect((await h.expiry.runOnce(chongqingToday(), addMinutes(presentedAt, 120))).examined).toEqual([]);
    const examined = await presentationOf(id, pid);
    expect(examined).toMatchObject({ status: 'discrepant', result: 'discrepant' });
    expect(examined?.discrepancies.map((d) => d.code)).toEqual(['BILL_NOT_HELD_BY_BANK']);
    await eventually(async () => (examinedCount(id) > 0 ? true : undefined));
    expect(examinedCount(id)).toBe(1);
  });

  it('examines at once when the decision deadline is two banking days away or less', async () => {
    const { id, pid, presentedAt, deadline } = await waitingPresentation('RRH26DC000605');
    expect((await h.expiry.runOnce(chongqingToday(), presentedAt)).examined).toEqual([]);
    expect((await h.expiry.runOnce(deadline, presentedAt)).examined).toEqual([pid]);
    expect((await presentationOf(id, pid))?.result).toBe('discrepant');
  });
});

describe('the expiry job', () => {
  it('expires an overdue credit once, and nothing before it is due', async () => {
    const id = await expiringCredit('RRH26DC000603', chongqingToday(), chongqingToday());
    expect((await h.expiry.runOnce(chongqingToday())).expired).toEqual([]);
    // 29(a) may extend the expiry over closing days; a month later it has passed in any calendar
    expect((await h.expiry.runOnce(day(30))).expired).toEqual([id]);
    expect((await h.expiry.runOnce(day(31))).expired).toEqual([]);
    expect((await h.call('bank', 'GET', `/credits/${id}`)).body.status).toBe('expired');
    await eventually(async () => (h.lcEvents(id).some((e) => e.envelope.type === 'lc.expired') ? true : undefined));
    expect(h.lcEvents(id).filter((e) => e.envelope.type === 'lc.expired')).toHaveLength(1);
  });
});

describe('a bill never seen (docs/ucp600.md §3)', () => {
  it('is examined as missing on the fifth banking day, refused in time, and the credit can expire', async () => {
    const p = h.parties;
    const id = await expiringCredit('RRH26DC000606', day(10), day(1));
    const presented = await h.present(id, {
      waybillId: uuidv7(),
      amount: '1248000.00',
      goods: creditA(p).goodsDescription,
    });
    const body = presented.body as { id: string; presentedAt: string; decisionDeadline: string };
    // the day before the deadline it still waits; on the fifth banking day it is examined
    expect((await h.expiry.runOnce(day(0), addMinutes(body.presentedAt, 120))).examined).toEqual([]);
    expect((await h.expiry.runOnce(body.decisionDeadline, addMinutes(body.presentedAt, 120))).examined).toEqual([
      body.id,
    ]);
    const examined = await presentationOf(id, body.id);
    expect(examined?.discrepancies.map((d) => d.code)).toEqual(['DOCUMENT_MISSING']);
    expect((await h.call('nominatedBank', 'POST', `/credits/${id}/presentations/${body.id}/refuse`, {})).status).toBe(
      200,
    );
    expect((await h.expiry.runOnce(day(40))).expired).toEqual([id]);
  });
});

describe('presentation to the issuing bank (UCP 6(d)(ii))', () => {
  it('runs the deadline on the issuing bank’s own calendar; a party that is no bank of the credit is 422', async () => {
    const p = h.parties;
    const id = await advisedCredit(creditA(p, { number: 'RRH26DC000607' }));
    const request = presentation(p, { waybillId: uuidv7(), amount: '1248000.00', goods: creditA(p).goodsDescription });
    const wrong = await h.call('shipper', 'POST', `/credits/${id}/presentations`, {
      ...request,
      presentedTo: p.id('sgBank'),
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('not-a-bank-of-the-credit');
    const direct = await h.call('shipper', 'POST', `/credits/${id}/presentations`, {
      ...request,
      presentedTo: p.id('bank'),
    });
    expect(direct.status).toBe(201);
    expect(direct.body.presentedTo).toBe(p.id('bank'));
    const deadline = direct.body.decisionDeadline as string;
    const presentedOn = direct.body.presentedOn as string;
    // five German (DE) banking days, never Saturdays or Sundays
    expect(deadline > presentedOn).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${deadline}T00:00:00Z`).getUTCDay());
  });
});

describe('the carrier’s signature at the edge (docs/ucp600.md §5)', () => {
  it('pins the carrier’s first key: a bill signed with another key is CARRIER_NOT_IDENTIFIED', async () => {
    const p = h.parties;
    // the carrier's own key is pinned by the first signed bill consumed
    const first = uuidv7();
    await h.publishWaybill(first, h.billLife({ waybillId: first, creditNumber: 'RRH26DC000608', departedOn: day(-6) }));
    await eventually(async () => (await loadBillView(h.service.deps.db, first))?.signature ?? undefined);
    const id = await advisedCredit(creditA(p, { number: 'RRH26DC000609' }));
    const waybillId = uuidv7();
    const stranger = h.testCarrier();
    await h.publishWaybill(
      waybillId,
      h.billLife({ waybillId, creditNumber: 'RRH26DC000609', departedOn: day(-6), signer: stranger }),
    );
    await eventually(async () => (await loadBillView(h.service.deps.db, waybillId))?.holder ?? undefined);
    await eventually(async () =>
      (await loadBillView(h.service.deps.db, waybillId))?.holder === p.id('nominatedBank') ? true : undefined,
    );
    const presented = await h.present(id, { waybillId, amount: '1248000.00', goods: creditA(p).goodsDescription });
    const examined = await eventually(async () => {
      const x = await presentationOf(id, presented.body.id as string);
      return x?.result === null ? undefined : x;
    });
    expect(examined?.discrepancies.map((d) => d.code)).toEqual(['CARRIER_NOT_IDENTIFIED']);
  });
});
