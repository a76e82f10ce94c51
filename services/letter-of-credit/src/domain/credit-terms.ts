import {
  type CreditChanges,
  type CreditTerms,
  compareAmounts,
  compareDates,
  type DomainError,
  type LocalDate,
  type Money,
  sumMoney,
  toleranceBand,
} from '@railbill/contracts';
import type { Roles } from './commands.ts';

/** The terms after an accepted amendment: changed fields replace the old ones, absent fields stay. */
export const applyCreditChanges = (terms: CreditTerms, changes: CreditChanges): CreditTerms => {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return { ...terms, ...defined } as CreditTerms;
};

/** UCP 30(a)/18(b): the most any bank pays under the credit, all drawings together. */
export const maximumDrawing = (terms: CreditTerms): Money =>
  toleranceBand(terms.amount, terms.tolerance?.plusPercent ?? 0, terms.tolerance?.minusPercent ?? 0).max;

/** UCP 30(c): without a stated tolerance, a drawing may be 5 % short when partial shipments are prohibited. */
export const minimumDrawing = (terms: CreditTerms): Money =>
  toleranceBand(terms.amount, 0, terms.tolerance === undefined ? 5 : terms.tolerance.minusPercent).min;

/** Banks that may hold the bill when presented: nominated, issuing, and the confirming (advising) bank. */
export const banksOfCredit = (terms: CreditTerms): readonly string[] => [
  terms.issuingBank,
  ...(terms.nominatedBank === undefined ? [] : [terms.nominatedBank]),
  ...(terms.confirmation === 'confirm' ? [terms.advisingBank] : []),
];

/** Banks that may honour or refuse (docs/contract.md §4: issuing or nominated; a confirming bank is bound too, UCP 8). */
export const decidingBanks = banksOfCredit;

export const sumAmounts = (amounts: readonly Money[], currency: Money['currency']): Money =>
  sumMoney(
    amounts.filter((m) => m.currency === currency),
    currency,
  );

const error = (code: string, detail: string): DomainError => ({ kind: 'rule', code, detail });

const MANDATORY_DOCUMENTS = ['railway_bill_of_lading', 'commercial_invoice'] as const;

/** docs/contract.md §4/§8 validation of terms, at issue and after a proposed amendment. */
export const termsError = (terms: CreditTerms, today: LocalDate): DomainError | undefined => {
  if (compareAmounts(terms.amount.amount, '0') <= 0) return error('amount-not-positive', 'the amount must be positive');
  // any tolerance the bank agrees (UCP 30 sets none); MT700 39A carries two digits each way (docs/swift-messages.md)
  if ((terms.tolerance?.plusPercent ?? 0) > 99 || (terms.tolerance?.minusPercent ?? 0) > 99)
    return error('tolerance-out-of-range', 'a tolerance is at most 99 percent (MT700 field 39A)');
  const deferred = terms.availableBy === 'deferred_payment' || terms.availableBy === 'acceptance';
  if (deferred && terms.tenor === undefined)
    return error('tenor-required', `a ${terms.availableBy} credit states its tenor ({ days, from })`);
  if (!deferred && terms.tenor !== undefined)
    return error('tenor-not-allowed', 'only a deferred payment or acceptance credit has a tenor');
  if (compareDates(terms.expiry.date, today) < 0)
    return error('expiry-in-past', `the expiry date ${terms.expiry.date} is in the past`);
  if (compareDates(terms.latestShipmentDate, terms.expiry.date) > 0)
    return error('shipment-after-expiry', 'the latest shipment date is after the expiry date');
  const kinds = terms.documentsRequired.map((d) => d.kind);
  const missing = MANDATORY_DOCUMENTS.filter((k) => !kinds.includes(k));
  if (missing.length > 0)
    return error('documents-required-incomplete', `documents required must include ${missing.join(', ')}`);
  if (new Set(kinds).size !== kinds.length) return error('duplicate-document', 'a document kind is required twice');
  return undefined;
};

type NamedParties = Readonly<{
  [K in 'issuingBank' | 'advisingBank' | 'nominatedBank' | 'applicant' | 'beneficiary']?: string | undefined;
}>;

const expected = (terms: NamedParties) =>
  [
    ['issuingBank', terms.issuingBank, ['bank']],
    ['advisingBank', terms.advisingBank, ['bank']],
    ['nominatedBank', terms.nominatedBank, ['bank']],
    ['applicant', terms.applicant, ['consignee', 'shipper']],
    ['beneficiary', terms.beneficiary, ['shipper', 'consignee']],
  ] as const;

/** docs/contract.md §2: every party named by the terms exists and plays its part (a bank is a bank). */
export const rolesError = (terms: NamedParties, roles: Roles): DomainError | undefined => {
  for (const [field, party, allowed] of expected(terms)) {
    if (party === undefined) continue;
    const role = roles[party];
    if (role === undefined) return error('unknown-party', `${field} ${party} is not a known party`);
    if (!(allowed as readonly string[]).includes(role))
      return error('party-not-in-role', `${field} ${party} is a ${role}, not a ${allowed.join(' or ')}`);
  }
  if (terms.applicant !== undefined && terms.applicant === terms.beneficiary)
    return error('party-not-in-role', 'the applicant cannot be the beneficiary');
  return undefined;
};
