import type { Rule } from '../context.ts';

/** UCP 19(a)(i)/24(a)(i): the transport document is signed by the carrier, i.e. issued. */
export const billNotIssued: Rule = {
  code: 'BILL_NOT_ISSUED',
  article: (t) => `${t}(a)(i)`,
  check: ({ bill }) => (bill?.status === 'submitted' ? 'the bill has not been issued by the carrier' : undefined),
};
