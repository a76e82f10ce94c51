import type { CreditTerms } from '@railbill/contracts';
import { describe } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import type { ExaminationInput } from '../context.ts';
import { documentMissing } from './14a-document-missing.ts';

const presenting = (documents: ExaminationInput['presentation']['documents'], terms: Partial<CreditTerms> = {}) =>
  inputA({ presentation: { ...inputA().presentation, documents } }, terms);
const twoPackingLists = { documentsRequired: [{ kind: 'packing_list' as const, originals: 2 }] };

describe('DOCUMENT_MISSING', () =>
  ruleCases(documentMissing, [
    ['complies when every required document is presented', inputA(), 'complies'],
    [
      'fires for a required document not presented',
      presenting([{ kind: 'packing_list' }]),
      { contains: 'insurance_document' },
    ],
    ['fires when the bill was never consumed', inputA({ bill: undefined }), { contains: 'railway_bill_of_lading' }],
    [
      'accepts exactly the required number of originals',
      presenting([{ kind: 'packing_list', originals: 2 }], twoPackingLists),
      'complies',
    ],
    [
      'does not accept one original fewer',
      presenting([{ kind: 'packing_list', originals: 1 }], twoPackingLists),
      { contains: 'packing_list' },
    ],
  ]));
