import type { CreditTerms } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from '../decide.ts';
import { actor, advised, command, examinedEvent, issued, presented } from '../testing/builders.ts';
import { creditA, invoiceA, party, waybillIds } from '../testing/shipments.ts';

const { given } = deciderSpec(decider);

const deferred = (tenor: CreditTerms['tenor']): CreditTerms => ({
  ...creditA,
  availableBy: 'deferred_payment',
  ...(tenor === undefined ? {} : { tenor }),
});
const complyingUnder = (terms: CreditTerms) => [
  issued(terms),
  advised(terms),
  presented(terms, { waybillId: waybillIds.a, invoice: invoiceA, today: '2026-04-14', decisionDeadline: '2026-04-21' }),
  examinedEvent(terms, 'complying', [], undefined, undefined, '2026-04-08'),
];
const maturityOf = (terms: CreditTerms, today = '2026-04-16') => {
  let maturity: unknown;
  given(...complyingUnder(terms))
    .when(command.honour(actor(party.yzcb), today))
    .thenEvents(([e]) => {
      maturity = e?.type === 'lc.honoured' ? e.data.maturityDate : 'not honoured';
    });
  return maturity;
};

describe('tenor (MT700 42C/42P) and maturity', () => {
  it('is required for deferred payment and acceptance, refused for sight payment', () => {
    given()
      .when(command.issue(deferred(undefined)))
      .thenRejects('rule', 'tenor-required');
    given()
      .when(command.issue({ ...creditA, availableBy: 'acceptance' }))
      .thenRejects('rule', 'tenor-required');
    given()
      .when(command.issue({ ...creditA, tenor: { days: 60, from: 'shipment' } }))
      .thenRejects('rule', 'tenor-not-allowed');
    given()
      .when(command.issue(deferred({ days: 60, from: 'shipment' })))
      .thenEvents((e) => expect(e).toHaveLength(1));
  });
  it('counts days after shipment, excluding the day (UCP 3), to the next CN banking day: 04-08 + 60 = Sun 06-07 → 06-08', () =>
    expect(maturityOf(deferred({ days: 60, from: 'shipment' }))).toBe('2026-06-08'));
  it('counts days after presentation and after sight (the honour date)', () => {
    expect(maturityOf(deferred({ days: 30, from: 'presentation' }))).toBe('2026-05-14');
    expect(maturityOf(deferred({ days: 90, from: 'sight' }), '2026-04-16')).toBe('2026-07-15');
  });
  it('is never before the honour date', () =>
    expect(maturityOf(deferred({ days: 3, from: 'shipment' }), '2026-04-16')).toBe('2026-04-16'));
  it('moves over China’s Labour Day holidays: 04-08 + 23 = 05-01 → 05-06', () =>
    expect(maturityOf(deferred({ days: 23, from: 'shipment' }))).toBe('2026-05-06'));
  it('has no maturity for a sight credit', () => expect(maturityOf(creditA)).toBeUndefined());
});
