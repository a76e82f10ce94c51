import { addDays, compareDates } from '@railbill/contracts';
import { extendToBankingDay } from '../../banking-days.ts';
import { issuedBill, type Rule, shipmentDate } from '../context.ts';

/** UCP 14(c), field 48: presented within the period after shipment; a last day on a closing day moves (29(a)). */
export const latePresentation: Rule = {
  code: 'LATE_PRESENTATION',
  article: '14(c); 48; 29(a)',
  check: (input) => {
    const bill = issuedBill(input);
    const shipped = bill && shipmentDate(bill, input.timeZone);
    if (!shipped) return undefined;
    const period = addDays(shipped, input.terms.presentationPeriodDays);
    if (compareDates(input.presentedOn, period) <= 0) return undefined;
    const lastDay = extendToBankingDay(period, input.calendar);
    return compareDates(input.presentedOn, lastDay) > 0
      ? `presented ${input.presentedOn}, after the last day for presentation ${lastDay} (${input.terms.presentationPeriodDays} days after shipment ${shipped})`
      : undefined;
  },
};
