import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from './decide.ts';
import { advised, command, examinedEvent, issued, presentCmd, presented } from './testing/builders.ts';
import {
  billA,
  billB,
  billC,
  calendars,
  creditA,
  creditB,
  creditC,
  invoiceA,
  invoiceB,
  invoiceC,
  waybillIds,
} from './testing/shipments.ts';

const { given, play } = deciderSpec(decider);

describe('docs/shipments.md (a) Chongqing → Duisburg', () => {
  it('is complying, with a decision deadline of 2026-04-21', () =>
    given(issued(creditA), advised(creditA))
      .when(presentCmd(creditA, { waybillId: waybillIds.a, invoice: invoiceA, today: '2026-04-14', bill: billA }))
      .then(
        presented(creditA, {
          waybillId: waybillIds.a,
          invoice: invoiceA,
          today: '2026-04-14',
          decisionDeadline: '2026-04-21',
        }),
        examinedEvent(creditA, 'complying', [], undefined, undefined, '2026-04-08'),
      ));
});

describe('docs/shipments.md (b) Chongqing → Qinzhou → Singapore, rail+', () => {
  it('is complying: no TRANSSHIPMENT_PROHIBITED under one bill covering the whole carriage', () =>
    given(issued(creditB, '2026-06-05'), advised(creditB))
      .when(presentCmd(creditB, { waybillId: waybillIds.b, invoice: invoiceB, today: '2026-07-15', bill: billB }))
      .then(
        presented(creditB, {
          waybillId: waybillIds.b,
          invoice: invoiceB,
          today: '2026-07-15',
          decisionDeadline: '2026-07-22',
        }),
        examinedEvent(creditB, 'complying', [], undefined, undefined, '2026-07-06'),
      ));
});

describe('docs/shipments.md (c) discrepant monitors', () => {
  const presentC = presentCmd(creditC, {
    waybillId: waybillIds.c,
    invoice: invoiceC,
    today: '2026-05-22',
    bill: billC,
  });

  it('is discrepant with exactly LATE_SHIPMENT and AMOUNT_EXCEEDS_TOLERANCE, deadline 2026-05-29 in Chongqing', () =>
    given(issued(creditC, '2026-04-20'), advised(creditC))
      .when(presentC)
      .thenEvents(([p, e]) => {
        expect(p?.type === 'lc.presented' && p.data.decisionDeadline).toBe('2026-05-29');
        expect(e?.type === 'lc.examined' && e.data.result).toBe('discrepant');
        expect(e?.type === 'lc.examined' && e.data.discrepancies.map((d) => [d.code, d.article])).toEqual([
          ['LATE_SHIPMENT', '44C; 24(a)(ii); 29(c)'],
          ['AMOUNT_EXCEEDS_TOLERANCE', '32B/39A; 18(b); 30(a)/(b)'],
        ]);
      }));

  it('has a deadline of 2026-06-01 when presented to the issuing bank in Germany (Whit Monday)', () =>
    given(issued(creditC, '2026-04-20'), advised(creditC))
      .when({ ...presentC, calendar: calendars.deNw })
      .thenEvents(([p]) => expect(p?.type === 'lc.presented' && p.data.decisionDeadline).toBe('2026-06-01')));

  const history = () => play([issued(creditC, '2026-04-20'), advised(creditC)], presentC);

  it('is refused in one notice listing both discrepancies, holding until the waiver', () =>
    given(...history())
      .when(command.refuse({ id: 'yzcb-cq', role: 'bank' }, '2026-05-26'))
      .thenEvents(([refused]) => {
        expect(refused?.type).toBe('lc.refused');
        if (refused?.type !== 'lc.refused') return;
        expect(refused.data.discrepancies.map((d) => d.code)).toEqual(['LATE_SHIPMENT', 'AMOUNT_EXCEEDS_TOLERANCE']);
        expect(refused.data.disposal).toBe('holding_until_waiver');
      }));

  it('after the waiver is honoured and paid for at most USD 525000.00, the bill going from yzcb-cq to ruhrort-office', () => {
    const honoured = play(
      history(),
      command.waive({ id: 'ruhrort-office', role: 'consignee' }, '2026-05-26'),
      command.honour({ id: 'yzcb-cq', role: 'bank' }, '2026-05-27'),
    );
    given(...honoured)
      .when(command.pay({ id: 'rrhb', role: 'bank' }, '2026-05-28'))
      .thenEvents(([paid]) =>
        expect(paid).toMatchObject({
          type: 'lc.paid',
          data: {
            amount: { amount: '525000.00', currency: 'USD' },
            bank: 'yzcb-cq',
            applicant: 'ruhrort-office',
            waybillId: waybillIds.c,
            creditNumber: 'RRH26DC000502',
          },
        }),
      );
  });
});
