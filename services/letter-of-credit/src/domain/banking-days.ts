import { addDays, isoWeekday, type LocalDate } from '@railbill/contracts';

/**
 * A bank's calendar at one place (UCP 2: banking day = regularly open at the place where the act is done).
 * `weekend` holds ISO weekdays (6 = Saturday, 7 = Sunday); `closed` dates are holidays; `open` dates are working
 * weekend days (China's adjusted working days). The service loads it from calendars/*.json and passes it in.
 */
export type BankingCalendar = Readonly<{
  id: string;
  weekend: readonly number[];
  closed: readonly LocalDate[];
  open: readonly LocalDate[];
  /** The years the calendar covers; a date outside them is an error, never a guessed weekday. */
  years: readonly number[];
}>;

/** A date the calendar does not cover (a year whose closing days are not shipped): the caller answers 422. */
export class CalendarNotCovered extends Error {
  readonly calendar: string;
  readonly day: LocalDate;
  constructor(calendar: string, day: LocalDate) {
    super(`the banking calendar ${calendar} does not cover ${day} (it covers only the years it ships)`);
    this.calendar = calendar;
    this.day = day;
  }
}

/** The JSON file format of services/letter-of-credit/calendars/*.json. */
export type CalendarFile = Readonly<{
  id: string;
  name: string;
  weekend: readonly number[];
  years: readonly number[];
  closed: readonly Readonly<{ date: LocalDate; name: string; verified: boolean }>[];
  open?: readonly Readonly<{ date: LocalDate; name: string; verified: boolean }>[];
}>;

export const toBankingCalendar = (file: CalendarFile): BankingCalendar => ({
  id: file.id,
  weekend: file.weekend,
  closed: file.closed.map((d) => d.date),
  open: (file.open ?? []).map((d) => d.date),
  years: file.years,
});

/** A bank closed on either calendar's closing days, e.g. a place calendar plus TARGET2 for euro payments. */
export const combineCalendars = (id: string, ...calendars: readonly BankingCalendar[]): BankingCalendar => ({
  id,
  weekend: [...new Set(calendars.flatMap((c) => c.weekend))],
  closed: [...new Set(calendars.flatMap((c) => c.closed))].sort(),
  open: calendars.reduce<readonly LocalDate[]>(
    (acc, c) => acc.filter((d) => c.open.includes(d)),
    calendars[0]?.open ?? [],
  ),
  years: calendars.reduce<readonly number[]>(
    (acc, c) => acc.filter((y) => c.years.includes(y)),
    calendars[0]?.years ?? [],
  ),
});

export const isBankingDay = (day: LocalDate, calendar: BankingCalendar): boolean => {
  if (!calendar.years.includes(Number(day.slice(0, 4)))) throw new CalendarNotCovered(calendar.id, day);
  if (calendar.closed.includes(day)) return false;
  if (calendar.open.includes(day)) return true;
  return !calendar.weekend.includes(isoWeekday(day));
};

/** The `n`th banking day following `day` (the day itself not counted). */
export const addBankingDays = (day: LocalDate, n: number, calendar: BankingCalendar): LocalDate => {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isBankingDay(current, calendar)) counted += 1;
  }
  return current;
};

/** UCP 29(a): a last day falling on a closing day moves to the next banking day. */
export const extendToBankingDay = (day: LocalDate, calendar: BankingCalendar): LocalDate =>
  isBankingDay(day, calendar) ? day : addBankingDays(day, 1, calendar);

/**
 * UCP 29(a), 6(d)(i), 14(c): whether `day` is after the last day `lastDay`, extended to the next banking day when the
 * bank is closed on it. The calendar is consulted only past `lastDay`, so a far last day needs no far calendar.
 */
export const isAfterExtended = (day: LocalDate, lastDay: LocalDate, calendar: BankingCalendar): boolean =>
  day > lastDay && day > extendToBankingDay(lastDay, calendar);

/** UCP 14(b): five banking days following the day of presentation. */
export const decisionDeadline = (presentedOn: LocalDate, calendar: BankingCalendar): LocalDate =>
  addBankingDays(presentedOn, 5, calendar);
