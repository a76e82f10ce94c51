import { describe, expect, it } from 'vitest';
import {
  addBankingDays,
  combineCalendars,
  decisionDeadline,
  extendToBankingDay,
  isBankingDay,
} from './banking-days.ts';
import { calendars } from './testing/shipments.ts';

describe('decisionDeadline (UCP 14(b))', () => {
  it('is five CN banking days after 2026-04-14: 2026-04-21 (docs/shipments.md (a))', () =>
    expect(decisionDeadline('2026-04-14', calendars.cn)).toBe('2026-04-21'));
  it('is 2026-05-29 in Chongqing and 2026-06-01 in Duisburg for 2026-05-22 (docs/shipments.md (c))', () => {
    expect(decisionDeadline('2026-05-22', calendars.cn)).toBe('2026-05-29');
    expect(decisionDeadline('2026-05-22', calendars.deNw)).toBe('2026-06-01');
  });
  it('skips China Labour Day holidays and counts the working Saturday 2026-05-09', () =>
    expect(addBankingDays('2026-04-30', 3, calendars.cn)).toBe('2026-05-08'));
  it('counts from a presentation on a weekend', () =>
    expect(decisionDeadline('2026-04-18', calendars.cn)).toBe('2026-04-24'));
});

describe('isBankingDay / extendToBankingDay (UCP 29(a))', () => {
  it('closes on weekends and holidays, opens on an adjusted working weekend day', () => {
    expect(isBankingDay('2026-05-25', calendars.deNw)).toBe(false);
    expect(isBankingDay('2026-05-25', calendars.cn)).toBe(true);
    expect(isBankingDay('2026-05-09', calendars.cn)).toBe(true);
    expect(isBankingDay('2026-05-10', calendars.cn)).toBe(false);
  });
  it('moves a Sunday to Monday and leaves a banking day alone', () => {
    expect(extendToBankingDay('2026-05-17', calendars.cn)).toBe('2026-05-18');
    expect(extendToBankingDay('2026-05-18', calendars.cn)).toBe('2026-05-18');
  });
  it('combines calendars: closed when either is closed', () =>
    expect(isBankingDay('2026-05-25', combineCalendars('CN+DE', calendars.cn, calendars.deNw))).toBe(false));
});
