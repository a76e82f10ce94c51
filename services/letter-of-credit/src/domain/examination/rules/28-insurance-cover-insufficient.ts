import { compareAmounts, compareDates, percentOf, samePlace } from '@railbill/contracts';
import { issuedBill, type Rule, shipmentDate } from '../context.ts';

/**
 * UCP 28(e), (f): a required insurance document covers at least 110 % of the CIF/CIP value (the greater of the
 * invoice amount and the amount claimed, here the invoice's), in the credit's currency; is dated no later than the
 * date of shipment; and covers at least from the credit's place of dispatch to its final destination.
 */
export const insuranceCoverInsufficient: Rule = {
  code: 'INSURANCE_COVER_INSUFFICIENT',
  article: '28(e), (f)',
  check: (input) => {
    const { terms, presentation } = input;
    if (!terms.documentsRequired.some((d) => d.kind === 'insurance_document')) return undefined;
    const insurance = presentation.documents.find((d) => d.kind === 'insurance_document');
    if (insurance === undefined) return undefined; // DOCUMENT_MISSING says so
    const problems: string[] = [];
    const invoiced = presentation.invoice.amount;
    const minimum = percentOf(invoiced, 110);
    if (insurance.amount === undefined) problems.push('it shows no amount of cover');
    else if (insurance.amount.currency !== terms.amount.currency)
      problems.push(`it is in ${insurance.amount.currency}, not the credit's ${terms.amount.currency}`);
    else if (compareAmounts(insurance.amount.amount, minimum.amount) < 0)
      problems.push(`the cover ${insurance.amount.amount} is below 110 % of ${invoiced.amount} (${minimum.amount})`);
    const bill = issuedBill(input);
    const shipped = bill && shipmentDate(bill, input.timeZone);
    if (insurance.date === undefined) problems.push('it is not dated');
    else if (shipped && compareDates(insurance.date, shipped) > 0)
      problems.push(`it is dated ${insurance.date}, after the shipment on ${shipped}`);
    const from = terms.placeOfReceipt ?? terms.placeOfDispatch;
    if (insurance.coversFrom === undefined || !samePlace(insurance.coversFrom, from))
      problems.push(`the cover does not start at ${from}`);
    if (insurance.coversTo === undefined || !samePlace(insurance.coversTo, terms.placeOfFinalDestination))
      problems.push(`the cover does not reach ${terms.placeOfFinalDestination}`);
    return problems.length === 0 ? undefined : `insurance document: ${problems.join('; ')}`;
  },
};
