import { billAndRequirement, type Rule } from '../context.ts';

/**
 * UCP 14(a), 14(d); 46A: the bill is consigned to order of the party the credit names (its `toOrderOf` at issue), or,
 * where the credit asks for a bill endorsed in blank, is a bearer bill (docs/title.md).
 */
export const consigneeNotAsRequired: Rule = {
  code: 'CONSIGNEE_NOT_AS_REQUIRED',
  article: '14(a), 14(d); 46A',
  check: (input) => {
    const { bill, requirement } = billAndRequirement(input);
    if (bill !== undefined && requirement?.blankEndorsed === true) {
      if (bill.type === 'waybill') return 'the bill is a straight waybill, not a bill endorsed in blank';
      return bill.orderOf === null ? undefined : `the bill is to order of ${bill.orderOf}, not endorsed in blank`;
    }
    const required = requirement?.consignedToOrderOf;
    if (bill === undefined || required === undefined) return undefined;
    if (bill.type === 'waybill') return `the bill is a straight waybill, not made out to order of ${required}`;
    return bill.toOrderOf === required ? undefined : `the bill is to order of ${bill.toOrderOf}, not of ${required}`;
  },
};
