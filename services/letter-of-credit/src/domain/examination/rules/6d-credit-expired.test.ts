import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { creditExpired } from './6d-credit-expired.ts';

describe('CREDIT_EXPIRED', () => {
  it('complies before expiry', () => expect(creditExpired.check(inputA())).toBeUndefined());
  it('complies on the expiry date', () =>
    expect(creditExpired.check(inputA({ presentedOn: '2026-05-12' }))).toBeUndefined());
  it('fires the day after expiry', () =>
    expect(creditExpired.check(inputA({ presentedOn: '2026-05-13' }))).toBeDefined());
  it('extends an expiry on a Sunday to Monday (29(a))', () => {
    const sunday = { expiry: { date: '2026-05-17', place: 'Chongqing' } };
    expect(creditExpired.check(inputA({ presentedOn: '2026-05-18' }, sunday))).toBeUndefined();
    expect(creditExpired.check(inputA({ presentedOn: '2026-05-19' }, sunday))).toContain('2026-05-18');
  });
});
