import cnFile from '../../calendars/cn.json' with { type: 'json' };
import deNwFile from '../../calendars/de-nw.json' with { type: 'json' };
import target2File from '../../calendars/eu-target2.json' with { type: 'json' };
import { type BankingCalendar, type CalendarFile, toBankingCalendar } from '../domain/banking-days.ts';

const cn = toBankingCalendar(cnFile as CalendarFile);
const deNw = toBankingCalendar(deNwFile as CalendarFile);
const target2 = toBankingCalendar(target2File as CalendarFile);
/** Where railbill has no calendar of the place: Monday to Friday, no holidays. */
const weekdays: BankingCalendar = { id: 'WEEKDAYS', weekend: [6, 7], closed: [], open: [] };

/** Euro-area countries, whose banks at least close on TARGET2 closing days. */
const EURO_AREA = new Set([
  'AT',
  'BE',
  'CY',
  'EE',
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
  'ES',
]);

/**
 * UCP 2: a banking day is one on which the bank is open at its place. The place is the country of its BIC (ISO 9362
 * characters 5–6): CN → the mainland China calendar, DE → North Rhine-Westphalia (Duisburg), other euro countries →
 * TARGET2, anything else (or no BIC) → weekdays only.
 */
export const calendarOfBic = (bic: string | undefined): BankingCalendar => {
  const country = bic?.slice(4, 6).toUpperCase();
  if (country === 'CN') return cn;
  if (country === 'DE') return deNw;
  if (country !== undefined && EURO_AREA.has(country)) return target2;
  return weekdays;
};

/**
 * The calendar of the bank that examines (UCP 14(b)) and where the credit is available (6(d)(ii), 29(a)): the
 * nominated bank, else the issuing bank.
 */
export const examiningCalendar = (
  terms: Readonly<{ nominatedBank?: string | undefined; issuingBank: string }>,
  bicOf: (partyId: string) => string | undefined,
): BankingCalendar => calendarOfBic(bicOf(terms.nominatedBank ?? terms.issuingBank));
