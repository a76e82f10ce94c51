import { issuedBill, type Rule } from '../context.ts';

/** Words by which a clause expressly declares goods or packaging defective (UCP 27; ISBP 821 "clean"). */
const DEFECT =
  /\b(damag\w*|defect\w*|broken|torn|wet|stain\w*|dent\w*|leak\w*|rust\w*|crush\w*|holed|pilfer\w*|contaminat\w*|mou?ld\w*|insufficient\w*|inadequate\w*|unsound|not in good (order|condition)|short[- ]?shipped|missing)\b/i;

/**
 * UCP 27: a bank accepts only a clean transport document: one bearing no clause or notation that expressly declares
 * a defective condition of the goods or their packaging. Clauses that say nothing of a defect ("said to contain",
 * "shipper's load and count") do not make the bill unclean.
 */
export const clausedTransportDocument: Rule = {
  code: 'CLAUSED_TRANSPORT_DOCUMENT',
  article: '27',
  check: (input) => {
    const claused = (issuedBill(input)?.clauses ?? []).filter((c) => DEFECT.test(c));
    return claused.length === 0
      ? undefined
      : `the bill carries clauses declaring the goods or packaging defective: ${claused.map((c) => `"${c}"`).join('; ')}`;
  },
};
