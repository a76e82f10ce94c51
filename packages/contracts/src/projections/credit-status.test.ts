import { describe, expect, it } from 'vitest';
import type { LcEvent } from '../events/lc.ts';
import { type CreditStatus, evolveCreditStatus } from './credit-status.ts';

const creditNumber = 'RRH26DC000417';
const fold = (events: LcEvent[]) =>
  events.reduce<CreditStatus | undefined>((s, e) => evolveCreditStatus(s, e), undefined);

describe("a credit's status", () => {
  it('is issued from the first event seen, and follows the examination result', () => {
    expect(fold([{ type: 'lc.advised', data: { creditNumber, advisedBy: 'b' } }])).toBe('advised');
    expect(
      fold([
        { type: 'lc.advised', data: { creditNumber, advisedBy: 'b' } },
        { type: 'lc.examined', data: { creditNumber, presentationId: 'p', result: 'discrepant', discrepancies: [] } },
      ]),
    ).toBe('discrepant');
    expect(fold([{ type: 'lc.amendment_accepted', data: { creditNumber, n: 1, acceptedBy: 'a' } }])).toBe('issued');
  });

  it('keeps the status across amendments and the forwarding of the documents; a closed credit stays closed', () => {
    const paid: LcEvent = {
      type: 'lc.paid',
      data: {
        creditNumber,
        presentationId: 'p',
        waybillId: 'w',
        amount: { amount: '1.00', currency: 'USD' },
        applicant: 'a',
        bank: 'b',
        paidBy: 'b',
      },
    };
    const forwarded: LcEvent = {
      type: 'lc.documents_forwarded',
      data: { creditNumber, presentationId: 'p', waybillId: 'w', from: 'n', to: 'b', by: 'n' },
    };
    expect(fold([paid, forwarded])).toBe('paid');
    const closed: LcEvent = { type: 'lc.closed', data: { creditNumber, closedBy: 'b' } };
    expect(fold([paid, closed, { type: 'lc.expired', data: { creditNumber, expiredOn: '2026-09-30' } }])).toBe(
      'closed',
    );
  });
});
