import { describe } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { creditA, insuranceFor } from '../../testing/shipments.ts';
import { insuranceCoverInsufficient } from './28-insurance-cover-insufficient.ts';

const withInsurance = (changes: Record<string, unknown>) => {
  const base = inputA();
  const documents = base.presentation.documents.map((d) =>
    d.kind === 'insurance_document' ? { ...insuranceFor(creditA), ...changes } : d,
  );
  return inputA({ presentation: { ...base.presentation, documents } });
};
const covering = (amount: string, currency = 'USD') => withInsurance({ amount: { amount, currency } });
const notRequired = covering('1.00');

describe('INSURANCE_COVER_INSUFFICIENT (UCP 28(e), (f))', () =>
  ruleCases(insuranceCoverInsufficient, [
    ['complies with at least 110 % of the invoice, dated by shipment, dispatch to destination', inputA(), 'complies'],
    ['complies with exactly 110 % of USD 1 248 000.00', covering('1372800.00'), 'complies'],
    ['fires below 110 % of the CIF/CIP value', covering('1372799.99'), { contains: 'below 110 %' }],
    ['fires for another currency than the credit’s', covering('9999999.00', 'EUR'), { contains: 'EUR' }],
    [
      'fires for a document dated after the shipment (2026-04-08)',
      withInsurance({ date: '2026-04-09' }),
      { contains: 'after the shipment' },
    ],
    ['complies for a document dated on the day of shipment', withInsurance({ date: '2026-04-08' }), 'complies'],
    [
      'fires when the cover does not run to the final destination',
      withInsurance({ coversTo: 'PLMAA' }),
      { contains: 'DEDUI' },
    ],
    [
      'fires when the cover does not run from dispatch',
      withInsurance({ coversFrom: undefined }),
      { contains: 'CNCQI' },
    ],
    ['compares aliases equal (CNCKG is Chongqing)', withInsurance({ coversFrom: 'CNCKG' }), 'complies'],
    [
      'ignores an insurance document the credit does not require (UCP 14(g))',
      {
        ...notRequired,
        terms: {
          ...notRequired.terms,
          documentsRequired: creditA.documentsRequired.filter((d) => d.kind !== 'insurance_document'),
        },
      },
      'complies',
    ],
  ]));
