import { compareAmounts } from '@railbill/contracts';
import { minimumDrawing } from '../../credit-terms.ts';
import type { Rule } from '../context.ts';

/**
 * UCP 31(a)/(b), 30(c): with partial shipments prohibited, another bill than an earlier drawing's is a partial
 * shipment, and so is an invoice below the amount less the minus tolerance (5 % when none is stated, 30(c)).
 */
export const partialShipmentProhibited: Rule = {
  code: 'PARTIAL_SHIPMENT_PROHIBITED',
  article: '31(a)/(b); 30(c)',
  check: ({ terms, presentation, earlier }) => {
    if (terms.partialShipments === 'allowed') return undefined;
    const other = earlier.find((e) => e.waybillId !== presentation.waybillId);
    if (other !== undefined) return `an earlier drawing covered another bill (${other.waybillId})`;
    const invoiced = presentation.invoice.amount;
    const minimum = minimumDrawing(terms);
    if (invoiced.currency !== minimum.currency) return undefined;
    return compareAmounts(invoiced.amount, minimum.amount) < 0
      ? `the invoice of ${invoiced.currency} ${invoiced.amount} is below ${minimum.amount}: a partial drawing`
      : undefined;
  },
};
