import { z } from 'zod';

/** An ISO 8601 UTC instant in `toISOString()` form. */
export const Instant = z.iso.datetime({
  offset: false,
  precision: 3,
  error: 'must be an ISO 8601 UTC instant such as 2026-04-08T02:00:00.000Z',
});
export type Instant = z.infer<typeof Instant>;

/** Accepts any ISO 8601 instant with Z or an offset on input; normalise with `toInstant`. */
export const InstantInput = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' });

export const toInstant = (value: string): Instant => new Date(value).toISOString();

/** A calendar date `YYYY-MM-DD` (LC dates). */
export const LocalDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export type LocalDate = z.infer<typeof LocalDate>;

const DAY_MS = 86_400_000;
const toEpochDay = (d: LocalDate): number => Date.parse(`${d}T00:00:00.000Z`) / DAY_MS;
const fromEpochDay = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (d: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(d) + days);
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);
export const compareDates = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
/** ISO weekday 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate): number => ((new Date(`${d}T00:00:00.000Z`).getUTCDay() + 6) % 7) + 1;

/** The calendar date of an instant in a fixed UTC offset given in minutes (e.g. +480 for China). */
export const localDateOf = (instant: Instant, offsetMinutes = 0): LocalDate =>
  new Date(Date.parse(instant) + offsetMinutes * 60_000).toISOString().slice(0, 10);

/** The calendar date of an instant in an IANA time zone (e.g. "Asia/Shanghai"). */
// one formatter per zone: building an Intl.DateTimeFormat costs ~40 µs, using one ~1 µs (bench: examination)
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
};

export const localDateIn = (instant: Instant, timeZone: string): LocalDate =>
  formatterFor(timeZone).format(new Date(instant));

export const isInstantBefore = (a: Instant, b: Instant): boolean => Date.parse(a) < Date.parse(b);
export const addMinutes = (i: Instant, minutes: number): Instant =>
  new Date(Date.parse(i) + minutes * 60_000).toISOString();
