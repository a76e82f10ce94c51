import type { Rule } from '../context.ts';

/** UCP 14(a); title: a surrendered or accomplished bill is spent and gives no title to the goods. */
export const billSurrendered: Rule = {
  code: 'BILL_SURRENDERED',
  article: '14(a); title',
  check: ({ bill }) =>
    bill?.status === 'surrendered' || bill?.status === 'accomplished'
      ? `the bill is ${bill.status}: it no longer represents the goods`
      : undefined,
};
