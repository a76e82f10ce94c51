import { samePlace } from '@railbill/contracts';
import { issuedBill, type Rule } from '../context.ts';

/** UCP 19(a)(iii)/24(a)(iii): the bill shows the credit's place of final destination. */
export const finalDestinationMismatch: Rule = {
  code: 'FINAL_DESTINATION_MISMATCH',
  article: (t) => `${t}(a)(iii)`,
  check: (input) => {
    const bill = issuedBill(input);
    const expected = input.terms.placeOfFinalDestination;
    if (bill === undefined || samePlace(bill.placeOfDelivery, expected)) return undefined;
    return `the bill's place of delivery ${bill.placeOfDelivery} is not the credit's ${expected}`;
  },
};
