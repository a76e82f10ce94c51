import { compareDates } from '@railbill/contracts';
import { extendToBankingDay } from '../../banking-days.ts';
import type { Rule } from '../context.ts';

/** UCP 6(d)(i), 6(e): presented on or before expiry; an expiry on a closing day moves to the next banking day (29(a)). */
export const creditExpired: Rule = {
  code: 'CREDIT_EXPIRED',
  article: '6(d)(i), 6(e); 29(a)',
  check: ({ terms, presentedOn, calendar }) => {
    if (compareDates(presentedOn, terms.expiry.date) <= 0) return undefined;
    const lastDay = extendToBankingDay(terms.expiry.date, calendar);
    return compareDates(presentedOn, lastDay) > 0
      ? `presented ${presentedOn}, after the credit expired on ${lastDay}`
      : undefined;
  },
};
