import { describe, expect, it } from 'vitest';
import { addBankingDays, dueWithin } from './banking-days.ts';

describe('banking days of the attention panel', () => {
  it('skips the weekend', () => {
    expect(addBankingDays('2026-04-16', 2)).toBe('2026-04-20'); // Thu → Mon
    expect(addBankingDays('2026-04-17', 1)).toBe('2026-04-20'); // Fri → Mon
    expect(addBankingDays('2026-04-18', 1)).toBe('2026-04-20'); // Sat → Mon
    expect(addBankingDays('2026-04-14', 2)).toBe('2026-04-16'); // Tue → Thu
    expect(addBankingDays('2026-04-14', 0)).toBe('2026-04-14');
  });

  it('flags deadlines within two banking days and those already past', () => {
    expect(dueWithin('2026-04-20', '2026-04-16', 2)).toBe(true);
    expect(dueWithin('2026-04-21', '2026-04-16', 2)).toBe(false);
    expect(dueWithin('2026-04-10', '2026-04-16', 2)).toBe(true);
  });
});
