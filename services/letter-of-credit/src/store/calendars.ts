import cnFile from '../../calendars/cn.json' with { type: 'json' };
import deFile from '../../calendars/de.json' with { type: 'json' };
import deNwFile from '../../calendars/de-nw.json' with { type: 'json' };
import target2File from '../../calendars/eu-target2.json' with { type: 'json' };
import sgFile from '../../calendars/sg.json' with { type: 'json' };
import { type BankingCalendar, type CalendarFile, toBankingCalendar } from '../domain/banking-days.ts';

/** Every calendar the service ships (services/letter-of-credit/calendars/*.json), by id. */
export const CALENDARS: ReadonlyMap<string, BankingCalendar> = new Map(
  [cnFile, deFile, deNwFile, target2File, sgFile].map((file) => {
    const calendar = toBankingCalendar(file as CalendarFile);
    return [calendar.id, calendar];
  }),
);

/**
 * Countries whose banks settle euro through TARGET2 (the euro area, Bulgaria from 2026, and the connected central
 * banks of Denmark, Poland and Romania): at least closed on TARGET2 closing days.
 */
export const TARGET2_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
  'DK',
  'PL',
  'RO',
]);

/** A bank whose calendar the service does not have: a clear error, never a weekday guess (docs/ucp600.md). */
export class UnknownCalendar extends Error {}

const calendarById = (id: string): BankingCalendar => {
  const calendar = CALENDARS.get(id.toUpperCase());
  if (calendar === undefined)
    throw new UnknownCalendar(`no banking calendar ${id}; known: ${[...CALENDARS.keys()].join(', ')}`);
  return calendar;
};

/** The default calendar id of a BIC's country (ISO 9362 characters 5–6). */
export const defaultCalendarId = (bic: string | undefined): string | undefined => {
  const country = bic?.slice(4, 6).toUpperCase();
  if (country === undefined) return undefined;
  if (CALENDARS.has(country)) return country;
  return TARGET2_COUNTRIES.has(country) ? 'TARGET2' : undefined;
};

export type BankOnFile = Readonly<{ id: string; bic?: string | undefined; calendar?: string | undefined }>;

/**
 * UCP 2: a banking day is one on which the bank is open at its place. A bank's own `calendar` from the parties file,
 * else the one of its BIC's country: CN, SG, DE (nationwide), every TARGET2 country → TARGET2.
 */
export const calendarOfBank = (bank: BankOnFile | undefined): BankingCalendar => {
  const id = bank?.calendar ?? defaultCalendarId(bank?.bic);
  if (id === undefined)
    throw new UnknownCalendar(
      `bank ${bank?.id ?? '(unknown)'} has no banking calendar: set "calendar" in the parties file (known: ${[...CALENDARS.keys()].join(', ')})`,
    );
  return calendarById(id);
};

/** The bank a presentation is made to (UCP 6(d)(ii)): the nominated bank by default, else the issuing bank. */
export const defaultPresentedTo = (terms: Readonly<{ nominatedBank?: string | undefined; issuingBank: string }>) =>
  terms.nominatedBank ?? terms.issuingBank;

/** The calendar of the bank that examines (UCP 14(b)) and where the credit is available (6(d)(ii), 29(a)). */
export const examiningCalendar = (
  terms: Readonly<{ nominatedBank?: string | undefined; issuingBank: string }>,
  bankOf: (partyId: string) => BankOnFile | undefined,
  presentedTo: string = defaultPresentedTo(terms),
): BankingCalendar => calendarOfBank(bankOf(presentedTo));

/** The time zone of a bank's place, by its BIC's country: the day a presentation is made there (UCP 2, 14(b)). */
const ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CN: 'Asia/Shanghai',
  CY: 'Asia/Nicosia',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SG: 'Asia/Singapore',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
};

/** The zone of the bank's BIC country, else `fallback` (the service's `TIME_ZONE`). */
export const timeZoneOfBank = (bank: BankOnFile | undefined, fallback: string): string =>
  ZONES[bank?.bic?.slice(4, 6).toUpperCase() ?? ''] ?? fallback;
