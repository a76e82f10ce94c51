import { chongqingDuisburgBill, creditA, presentation, until } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { finProblems } from '../../services/letter-of-credit/src/testing/fin-syntax.ts';
import { documentsFoldTheirEvents } from '../consistency.ts';

// docs/swift-messages.md: the SWIFT messages of a credit's life, produced by the real letter-of-credit process from
// its events, with the bill issued (and signed) by the real waybill process; each served with its sender and receiver.
const sys = useSystem(['waybill', 'letter-of-credit']);
const { parties, call, ok } = sys;

/** A bill issued by the carrier and put under the nominated bank's control, as the beneficiary presents it. */
const billWithBank = async (creditNumber: string) => {
  const bill = await ok('waybill', 'shipper', '/waybills', chongqingDuisburgBill(parties, { creditNumber }), 201);
  const id = bill.id as string;
  await ok('waybill', 'carrier', `/waybills/${id}/issue`);
  await ok('waybill', 'shipper', `/waybills/${id}/transfer`, { to: parties.id('nominatedBank') });
  return id;
};

/** Credit `number` issued by the issuing bank and advised by the nominated bank; answers its id. */
const advisedCredit = async (number: string) => {
  const credit = await ok('letter-of-credit', 'bank', '/credits', creditA(parties, { number }), 201);
  await ok('letter-of-credit', 'nominatedBank', `/credits/${credit.id as string}/advise`);
  return credit.id as string;
};

/** The beneficiary presents the bill under the credit, invoicing `amount`; answers the presentation's id. */
const present = async (creditId: string, waybillId: string, amount: string) => {
  const goods = creditA(parties).goodsDescription;
  const body = presentation(parties, { waybillId, amount, goods });
  return (await ok('letter-of-credit', 'shipper', `/credits/${creditId}/presentations`, body, 201)).id as string;
};

const examined = (creditId: string, presentationId: string) =>
  until('the examination', async () => {
    const r = await call('letter-of-credit', 'shipper', 'GET', `/credits/${creditId}`);
    const p = (r.body.presentations as { id: string; result: string | null; discrepancies: { code: string }[] }[]).find(
      (x) => x.id === presentationId,
    );
    return p?.result === null || p === undefined ? undefined : p;
  });

type Listed = { n: number; mt: string; sender: string; receiver: string; eventType: string };
const messagesOf = async (creditId: string): Promise<Listed[]> => {
  const r = await call('letter-of-credit', 'consignee', 'GET', `/credits/${creditId}/messages`);
  expect(r.status).toBe(200);
  return r.body.items as Listed[];
};

const ISSUING = 'RRHBDED0';
const NOMINATED = 'YZCBCNC0';
/** Each listed message served as FIN: well formed, from the sender's terminal to the receiver's (BIC8 + X + XXX). */
const expectServed = async (creditId: string, listed: readonly Listed[]) => {
  for (const m of listed) {
    const r = await call('letter-of-credit', 'bank', 'GET', `/credits/${creditId}/messages/${m.n}`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain');
    expect(r.text.startsWith(`{1:F01${m.sender}AXXX0000000000}{2:I${m.mt.slice(2)}${m.receiver}XXXXN}{4:\n`)).toBe(
      true,
    );
    expect(finProblems(r.text), `${m.mt}\n${r.text}`).toEqual([]);
  }
};

type Row = readonly [mt: string, sender: string, receiver: string, eventType: string];
/** The credit lists its MT700 and MT730, then exactly `after` in order, each served as FIN. */
const expectMessages = async (creditId: string, after: readonly Row[]) => {
  const listed = await messagesOf(creditId);
  expect(listed.map((m) => [m.mt, m.sender, m.receiver, m.eventType])).toEqual([
    ['MT700', ISSUING, NOMINATED, 'lc.issued'],
    ['MT730', NOMINATED, ISSUING, 'lc.advised'],
    ...after,
  ]);
  await expectServed(creditId, listed);
};

describe('the bank messages of a credit’s life, real processes', () => {
  it('a complying credit: MT700, MT730, MT754, MT756', async () => {
    const creditId = await advisedCredit('RRH26DC000801');
    const pid = await present(creditId, await billWithBank('RRH26DC000801'), '1248000.00');
    // the carrier's signature and key travelled with waybill.issued and were verified by the examination
    expect(await examined(creditId, pid)).toMatchObject({ result: 'complying', discrepancies: [] });
    await ok('letter-of-credit', 'nominatedBank', `/credits/${creditId}/presentations/${pid}/honour`);
    await ok('letter-of-credit', 'bank', `/credits/${creditId}/presentations/${pid}/pay`);

    await expectMessages(creditId, [
      ['MT754', NOMINATED, ISSUING, 'lc.honoured'],
      ['MT756', ISSUING, NOMINATED, 'lc.paid'],
    ]);
    const mt700 = await call('letter-of-credit', 'consignee', 'GET', `/credits/${creditId}/mt700`);
    expect(mt700.text).toContain(':32B:USD1248000,00\n');
  });

  it('a discrepant presentation: MT750, MT734 holding until waiver, then MT752 after the waiver; an amendment MT707', async () => {
    const creditId = await advisedCredit('RRH26DC000802');
    await ok(
      'letter-of-credit',
      'bank',
      `/credits/${creditId}/amendments`,
      { changes: { amount: { amount: '1260000.00', currency: 'USD' } }, note: 'Raise the amount' },
      201,
    );
    // above the maximum of USD 1 310 400,00 (5 % tolerance): AMOUNT_EXCEEDS_TOLERANCE
    const pid = await present(creditId, await billWithBank('RRH26DC000802'), '1400000.00');
    const result = await examined(creditId, pid);
    expect(result.result).toBe('discrepant');
    expect(result.discrepancies.map((d) => d.code)).toContain('AMOUNT_EXCEEDS_TOLERANCE');
    const refused = await ok('letter-of-credit', 'bank', `/credits/${creditId}/presentations/${pid}/refuse`, {
      disposal: 'holding_until_waiver',
    });
    expect(refused).toMatchObject({ status: 'refused', disposal: 'holding_until_waiver' });
    await ok('letter-of-credit', 'consignee', `/credits/${creditId}/presentations/${pid}/waive`);

    await expectMessages(creditId, [
      ['MT707', ISSUING, NOMINATED, 'lc.amendment_proposed'],
      ['MT750', NOMINATED, ISSUING, 'lc.examined'],
      ['MT734', ISSUING, NOMINATED, 'lc.refused'],
      ['MT752', ISSUING, NOMINATED, 'lc.discrepancies_waived'],
    ]);
    const mt734 = await call('letter-of-credit', 'nominatedBank', 'GET', `/credits/${creditId}/messages/5`);
    expect(mt734.text).toContain(':77J:AMOUNT_EXCEEDS_TOLERANCE');
    expect(mt734.text).toContain(':77B:/NOTIFY/');
    const mt707 = await call('letter-of-credit', 'nominatedBank', 'GET', `/credits/${creditId}/messages/3`);
    expect(mt707.text).toContain(':26E:1\n');
    expect(mt707.text).toContain(':32B:USD12000,');
  });
});

documentsFoldTheirEvents(sys);
