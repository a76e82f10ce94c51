import type { Rule } from '../context.ts';

/**
 * UCP 14(a), 15; field 46A: every required document is presented. The bill is an electronic record that satisfies
 * any originals requirement (eUCP e9) and counts as presented once its events were consumed; the invoice travels
 * in the presentation itself. A paper document stating fewer originals than required is missing (art. 17).
 */
export const documentMissing: Rule = {
  code: 'DOCUMENT_MISSING',
  article: '14(a), 15; 46A',
  check: ({ terms, presentation, bill }) => {
    const missing = terms.documentsRequired.filter((required) => {
      if (required.kind === 'railway_bill_of_lading') return bill === undefined;
      if (required.kind === 'commercial_invoice') return false;
      const presented = presentation.documents.find((d) => d.kind === required.kind);
      if (presented === undefined) return true;
      return required.originals !== undefined && (presented.originals ?? 1) < required.originals;
    });
    return missing.length === 0
      ? undefined
      : `required documents not presented: ${missing.map((d) => d.kind).join(', ')}`;
  },
};
