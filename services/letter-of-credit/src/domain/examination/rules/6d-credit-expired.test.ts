import type { CreditTerms, LocalDate } from '@railbill/contracts';
import { describe } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { creditExpired } from './6d-credit-expired.ts';

const presentedOn = (date: LocalDate, terms: Partial<CreditTerms> = {}) => inputA({ presentedOn: date }, terms);
const expiringOnSunday = { expiry: { date: '2026-05-17', place: 'Chongqing' } };

describe('CREDIT_EXPIRED', () =>
  ruleCases(creditExpired, [
    ['complies before expiry', inputA(), 'complies'],
    ['complies on the expiry date', presentedOn('2026-05-12'), 'complies'],
    ['fires the day after expiry', presentedOn('2026-05-13'), 'fires'],
    ['extends an expiry on a Sunday to Monday (29(a))', presentedOn('2026-05-18', expiringOnSunday), 'complies'],
    ['fires the day after that Monday', presentedOn('2026-05-19', expiringOnSunday), { contains: '2026-05-18' }],
  ]));
