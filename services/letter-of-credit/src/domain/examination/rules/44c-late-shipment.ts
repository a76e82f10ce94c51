import { compareDates } from '@railbill/contracts';
import { issuedBill, type Rule, shipmentDate } from '../context.ts';

/** Field 44C; UCP 19(a)(ii)/24(a)(ii): shipped on or before the latest shipment date, never extended (29(c)). */
export const lateShipment: Rule = {
  code: 'LATE_SHIPMENT',
  article: (t) => `44C; ${t}(a)(ii); 29(c)`,
  check: (input) => {
    const bill = issuedBill(input);
    const shipped = bill && shipmentDate(bill, input.timeZone);
    if (!shipped) return undefined;
    return compareDates(shipped, input.terms.latestShipmentDate) > 0
      ? `shipped ${shipped}, after the latest shipment date ${input.terms.latestShipmentDate}`
      : undefined;
  },
};
