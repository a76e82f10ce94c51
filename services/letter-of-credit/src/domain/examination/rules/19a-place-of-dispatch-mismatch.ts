import { samePlace } from '@railbill/contracts';
import { issuedBill, type Rule } from '../context.ts';

/** UCP 19(a)(iii)/24(a)(iii): the bill shows the credit's place of receipt or dispatch (aliases compare equal). */
export const placeOfDispatchMismatch: Rule = {
  code: 'PLACE_OF_DISPATCH_MISMATCH',
  article: (t) => `${t}(a)(iii)`,
  check: (input) => {
    const bill = issuedBill(input);
    const expected = input.terms.placeOfReceipt ?? input.terms.placeOfDispatch;
    if (bill === undefined || samePlace(bill.placeOfReceipt, expected)) return undefined;
    return `the bill's place of receipt ${bill.placeOfReceipt} is not the credit's ${expected}`;
  },
};
