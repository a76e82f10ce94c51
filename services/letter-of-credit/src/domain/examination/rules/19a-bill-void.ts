import type { Rule } from '../context.ts';

/** UCP 19(a)(i)/24(a)(i): a bill cancelled before issue is no transport document. */
export const billVoid: Rule = {
  code: 'BILL_VOID',
  article: (t) => `${t}(a)(i)`,
  check: ({ bill }) => (bill?.status === 'void' ? 'the bill is void' : undefined),
};
