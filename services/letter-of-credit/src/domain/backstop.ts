import { addMinutes, compareDates, type Instant, isInstantBefore, type LocalDate } from '@railbill/contracts';
import { addBankingDays, type BankingCalendar } from './banking-days.ts';
import type { Presentation } from './state.ts';

/** Longer than any consumer lag railbill tolerates: past it, the consumed bill is taken as all there is. */
export const BACKSTOP_WAIT_MINUTES = 60;
/** Banking days the bank keeps, at the least, to decide on the examination before the UCP 14(b) deadline. */
export const BACKSTOP_DEADLINE_MARGIN = 2;

/**
 * Whether a presentation still waiting for its bill is examined on the bill as consumed so far: once it has waited an
 * hour (lag that long is an incident, not a race), or sooner when its decision deadline (UCP 14(b), five banking days)
 * is within two banking days of `today`, so a bank always has time to honour or refuse.
 */
export const backstopDue = (
  presentation: Pick<Presentation, 'status' | 'presentedAt' | 'decisionDeadline'>,
  now: Instant,
  today: LocalDate,
  calendar: BankingCalendar,
): boolean =>
  presentation.status === 'awaiting_documents' &&
  (!isInstantBefore(now, addMinutes(presentation.presentedAt, BACKSTOP_WAIT_MINUTES)) ||
    compareDates(presentation.decisionDeadline, addBankingDays(today, BACKSTOP_DEADLINE_MARGIN, calendar)) <= 0);
