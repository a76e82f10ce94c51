import { banksOfCredit } from '../../credit-terms.ts';
import type { Rule } from '../context.ts';

/** docs/contract.md §4: the beneficiary endorses the bill to a bank of the credit before presenting (security for the bank). */
export const billNotHeldByBank: Rule = {
  code: 'BILL_NOT_HELD_BY_BANK',
  article: 'railbill §4 (credit condition, security)',
  check: ({ terms, bill }) => {
    if (bill?.status !== 'issued') return undefined;
    const banks = banksOfCredit(terms);
    return bill.holder !== null && banks.includes(bill.holder)
      ? undefined
      : `the bill is held by ${bill.holder ?? 'no one'}, not by ${banks.join(' or ')}`;
  },
};
