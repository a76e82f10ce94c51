import { billAndRequirement, type Rule } from '../context.ts';

/** UCP 14(a); 46A: a credit calling for a railway bill of lading is not met by a straight waybill. */
export const transportDocumentNotAsRequired: Rule = {
  code: 'TRANSPORT_DOCUMENT_NOT_AS_REQUIRED',
  article: '14(a); 46A',
  check: (input) => {
    const { bill, requirement } = billAndRequirement(input);
    return requirement !== undefined && bill?.type === 'waybill'
      ? 'the credit requires a railway bill of lading; a straight waybill was presented'
      : undefined;
  },
};
