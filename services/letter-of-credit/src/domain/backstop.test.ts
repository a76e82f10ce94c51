import { describe, expect, it } from 'vitest';
import { backstopDue } from './backstop.ts';
import { decisionDeadline } from './banking-days.ts';
import { calendars } from './testing/shipments.ts';

// presented Tue 2026-04-14 in Chongqing: the fifth banking day after is Tue 04-21 (UCP 14(b))
const waiting = {
  status: 'awaiting_documents',
  presentedAt: '2026-04-14T03:00:00.000Z',
  decisionDeadline: decisionDeadline('2026-04-14', calendars.cn),
} as const;
const due = (now: string, today: string, p: Parameters<typeof backstopDue>[0] = waiting) =>
  backstopDue(p, now, today, calendars.cn);

describe('backstopDue', () => {
  it('computes the sample deadline', () => expect(waiting.decisionDeadline).toBe('2026-04-21'));
  it('waits for the consumer during the first hour', () =>
    expect(due('2026-04-14T03:59:59.999Z', '2026-04-14')).toBe(false));
  it('is due after an hour of waiting', () => expect(due('2026-04-14T04:00:00.000Z', '2026-04-14')).toBe(true));
  it('is not due on Thu 04-16 by the deadline: three banking days remain', () =>
    expect(due('2026-04-14T03:30:00.000Z', '2026-04-16')).toBe(false));
  it('is due on Fri 04-17: the deadline is two banking days away, over the weekend', () =>
    expect(due('2026-04-14T03:30:00.000Z', '2026-04-17')).toBe(true));
  it('is never due for a presentation no longer waiting', () =>
    expect(due('2026-04-20T00:00:00.000Z', '2026-04-20', { ...waiting, status: 'discrepant' })).toBe(false));
});
