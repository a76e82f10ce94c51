import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from './decide.ts';
import { advised, command, examinedEvent, issued, presentCmd, presented } from './testing/builders.ts';
import { calendars, creditC, shipments, waybillIds } from './testing/shipments.ts';

const { given, play } = deciderSpec(decider);

describe.each([
  ['(a) Chongqing → Duisburg', shipments.a, '2026-03-02', '2026-04-21', '2026-04-08'],
  ['(b) Chongqing → Qinzhou → Singapore, rail+', shipments.b, '2026-06-05', '2026-07-22', '2026-07-06'],
] as const)('docs/shipments.md %s', (_, shipment, issuedOn, decisionDeadline, shipmentDate) => {
  // (b): no TRANSSHIPMENT_PROHIBITED under one bill covering the whole carriage
  it(`is complying, with a decision deadline of ${decisionDeadline}`, () => {
    const { terms, waybillId, invoice, presentedOn: today, bill } = shipment;
    given(issued(terms, issuedOn), advised(terms))
      .when(presentCmd(terms, { waybillId, invoice, today, bill }))
      .then(
        presented(terms, { waybillId, invoice, today, decisionDeadline }),
        examinedEvent(terms, 'complying', [], undefined, undefined, shipmentDate),
      );
  });
});

describe('docs/shipments.md (c) discrepant monitors', () => {
  const { waybillId, invoice, presentedOn: today, bill } = shipments.c;
  const presentC = presentCmd(creditC, { waybillId, invoice, today, bill });

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
