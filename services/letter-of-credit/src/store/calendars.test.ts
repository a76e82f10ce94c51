import { addDays } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import {
  CalendarNotCovered,
  decisionDeadline,
  extendToBankingDay,
  isAfterExtended,
  isBankingDay,
} from '../domain/banking-days.ts';
import {
  calendarOfBank,
  defaultCalendarId,
  examiningCalendar,
  TARGET2_COUNTRIES,
  timeZoneOfBank,
  UnknownCalendar,
} from './calendars.ts';

const chongqing = { id: 'yzcb', bic: 'YZCBCNC0' };
const duisburg = { id: 'rrhb', bic: 'RRHBDED0XXX' };
const duisburgRegional = { id: 'rrhb-nw', bic: 'RRHBDED0', calendar: 'DE-NW' };
const singapore = { id: 'smbl', bic: 'SMBLSGS0' };

describe('each bank’s own calendar (UCP 2, 14(b))', () => {
  it('defaults from the BIC’s country: CN, SG, DE; every other TARGET2 country → TARGET2', () => {
    expect(calendarOfBank(chongqing).id).toBe('CN');
    expect(calendarOfBank(singapore).id).toBe('SG');
    expect(calendarOfBank(duisburg).id).toBe('DE');
    for (const country of TARGET2_COUNTRIES)
      expect(defaultCalendarId(`BANK${country}22`)).toBe(country === 'DE' ? 'DE' : 'TARGET2');
  });
  it('takes the parties file’s `calendar` over the BIC’s country', () =>
    expect(calendarOfBank(duisburgRegional).id).toBe('DE-NW'));
  it('is a clear error for a bank with no calendar, never weekdays', () => {
    expect(() => calendarOfBank({ id: 'nybank', bic: 'NYBKUS30' })).toThrow(UnknownCalendar);
    expect(() => calendarOfBank({ id: 'x', calendar: 'MARS' })).toThrow(/no banking calendar MARS/);
  });
  it('dates a presentation at the bank’s place, by its BIC’s country', () => {
    expect(timeZoneOfBank(duisburg, 'Asia/Shanghai')).toBe('Europe/Berlin');
    expect(timeZoneOfBank(singapore, 'UTC')).toBe('Asia/Singapore');
    expect(timeZoneOfBank({ id: 'x', bic: 'NYBKUS30' }, 'Asia/Shanghai')).toBe('Asia/Shanghai');
  });
  it('runs the deadline on the calendar of the bank presented to (UCP 6(d)(ii))', () => {
    const terms = { issuingBank: duisburg.id, nominatedBank: chongqing.id };
    const banks = new Map([duisburg, chongqing].map((b) => [b.id, b]));
    expect(examiningCalendar(terms, (id) => banks.get(id)).id).toBe('CN');
    expect(examiningCalendar(terms, (id) => banks.get(id), duisburg.id).id).toBe('DE');
  });
});

describe('the worked dates of docs/ucp600.md', () => {
  it('shipped Wed 2026-04-08 with 21 days: last day Wed 2026-04-29, a banking day in Chongqing', () => {
    expect(addDays('2026-04-08', 21)).toBe('2026-04-29');
    expect(extendToBankingDay('2026-04-29', calendarOfBank(chongqing))).toBe('2026-04-29');
  });
  it('presented Fri 2026-05-22: Chongqing nominated bank Fri 05-29; German issuing bank Mon 06-01 (Whit Monday)', () => {
    expect(decisionDeadline('2026-05-22', calendarOfBank(chongqing))).toBe('2026-05-29');
    expect(decisionDeadline('2026-05-22', calendarOfBank(duisburg))).toBe('2026-06-01');
    expect(decisionDeadline('2026-05-22', calendarOfBank(duisburgRegional))).toBe('2026-06-01');
  });
  it('an expiry on a Sunday moves to Monday (29(a)); the German regional calendar adds Corpus Christi', () => {
    expect(extendToBankingDay('2026-05-31', calendarOfBank(duisburg))).toBe('2026-06-01');
    expect(isBankingDay('2026-06-04', calendarOfBank(duisburg))).toBe(true);
    expect(isBankingDay('2026-06-04', calendarOfBank(duisburgRegional))).toBe(false);
  });
  it('Singapore closes on its gazetted holidays (Chinese New Year, observed National Day)', () => {
    const sg = calendarOfBank(singapore);
    expect(isBankingDay('2026-02-17', sg)).toBe(false);
    expect(isBankingDay('2026-08-10', sg)).toBe(false);
    expect(decisionDeadline('2026-08-07', sg)).toBe('2026-08-17');
  });
  it('China: Spring Festival 2026-02-15…23 closed, the working Saturday 02-28 open (official 2026 schedule)', () => {
    const cn = calendarOfBank(chongqing);
    expect(decisionDeadline('2026-02-13', cn)).toBe('2026-02-27');
    expect(isBankingDay('2026-02-28', cn)).toBe(true);
    expect(isBankingDay('2026-10-08', cn)).toBe(true);
  });
});

describe('beyond the last calendar year', () => {
  it('is an error naming the calendar and the date, never a silent weekday', () => {
    const cn = calendarOfBank(chongqing);
    expect(() => isBankingDay('2027-01-04', cn)).toThrow(CalendarNotCovered);
    expect(() => decisionDeadline('2026-12-28', cn)).toThrow(/CN does not cover 2027-01-01/);
    expect(() => decisionDeadline('2028-01-03', calendarOfBank(duisburg))).toThrow(CalendarNotCovered);
  });
  it('is not consulted for a last day not yet passed (isAfterExtended)', () => {
    const cn = calendarOfBank(chongqing);
    expect(isAfterExtended('2026-12-01', '2027-03-01', cn)).toBe(false);
    expect(isAfterExtended('2026-05-04', '2026-05-03', cn)).toBe(false);
    expect(isAfterExtended('2026-05-07', '2026-05-03', cn)).toBe(true);
  });
});
