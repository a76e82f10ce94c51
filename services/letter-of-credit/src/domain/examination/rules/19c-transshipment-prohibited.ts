import { samePlace } from '@railbill/contracts';
import type { BillView } from '../bill-view.ts';
import { issuedBill, type Rule } from '../context.ts';

const coversWholeCarriage = (bill: BillView, from: string, to: string): boolean => {
  const first = bill.legs[0];
  const last = bill.legs[bill.legs.length - 1];
  if (first === undefined || last === undefined) return false;
  const chained = bill.legs.every((leg, i) => i === 0 || samePlace(bill.legs[i - 1]?.to ?? '', leg.from));
  return chained && samePlace(first.from, from) && samePlace(last.to, to);
};

/**
 * UCP 19(b)/(c), 24(d)/(e): transshipment, even where prohibited, is acceptable when one document covers the
 * entire carriage; one railbill bill covering all legs (gauge change included) never fires (docs/shipments.md (b)).
 */
export const transshipmentProhibited: Rule = {
  code: 'TRANSSHIPMENT_PROHIBITED',
  article: (t) => (t === '19' ? '19(b)/(c)' : '24(d)/(e)'),
  check: (input) => {
    const bill = issuedBill(input);
    const { terms } = input;
    if (bill === undefined || terms.transshipment === 'allowed') return undefined;
    const from = terms.placeOfReceipt ?? terms.placeOfDispatch;
    return coversWholeCarriage(bill, from, terms.placeOfFinalDestination)
      ? undefined
      : `transshipment is prohibited and the bill does not cover the whole carriage ${from} → ${terms.placeOfFinalDestination}`;
  },
};
