import { assertNever, type Incoterm } from '@railbill/contracts';

/**
 * What an Incoterms 2020 price leaves out of, or adds beyond, the value at the point of entry into the customs
 * territory (UCC arts. 70–72; docs/customs.md §2):
 * - E and F terms (EXW, FCA): the buyer carries the goods from the seller's place, so transport and insurance up to
 *   the point of entry are not in the price and must be added (`costsToEntry`, required);
 * - C and D terms (CPT, CIP, DAP, DPU, DDP): the seller pays carriage to a named place beyond the point of entry, so
 *   the price holds transport after entry, deducted where it is shown separately (`freightAfterEntry`, optional).
 */
export type IncotermGroup = 'E' | 'F' | 'C' | 'D';

export const incotermGroup = (term: Incoterm): IncotermGroup => {
  switch (term) {
    case 'EXW':
      return 'E';
    case 'FCA':
      return 'F';
    case 'CPT':
    case 'CIP':
      return 'C';
    case 'DAP':
    case 'DPU':
    case 'DDP':
      return 'D';
    default:
      return assertNever(term);
  }
};

/** The price stops before the point of entry: costs up to it are added. */
export const needsCostsToEntry = (term: Incoterm): boolean => {
  const group = incotermGroup(term);
  return group === 'E' || group === 'F';
};
