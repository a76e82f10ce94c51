import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { creditA, insuranceFor } from '../../testing/shipments.ts';
import { insuranceCoverInsufficient } from './28-insurance-cover-insufficient.ts';

const withInsurance = (changes: Record<string, unknown>) => {
  const base = inputA();
  const documents = base.presentation.documents.map((d) =>
    d.kind === 'insurance_document' ? { ...insuranceFor(creditA), ...changes } : d,
  );
  return inputA({ presentation: { ...base.presentation, documents } });
};

describe('INSURANCE_COVER_INSUFFICIENT (UCP 28(e), (f))', () => {
  it('complies with at least 110 % of the invoice, dated by shipment, dispatch to destination', () => {
    expect(insuranceCoverInsufficient.check(inputA())).toBeUndefined();
    // exactly 110 % of USD 1 248 000.00
    expect(
      insuranceCoverInsufficient.check(withInsurance({ amount: { amount: '1372800.00', currency: 'USD' } })),
    ).toBeUndefined();
  });
  it('fires below 110 % of the CIF/CIP value', () =>
    expect(
      insuranceCoverInsufficient.check(withInsurance({ amount: { amount: '1372799.99', currency: 'USD' } })),
    ).toContain('below 110 %'));
  it('fires for another currency than the credit’s', () =>
    expect(
      insuranceCoverInsufficient.check(withInsurance({ amount: { amount: '9999999.00', currency: 'EUR' } })),
    ).toContain('EUR'));
  it('fires for a document dated after the shipment (2026-04-08), not on the day', () => {
    expect(insuranceCoverInsufficient.check(withInsurance({ date: '2026-04-09' }))).toContain('after the shipment');
    expect(insuranceCoverInsufficient.check(withInsurance({ date: '2026-04-08' }))).toBeUndefined();
  });
  it('fires when the cover does not run from dispatch to final destination; aliases compare equal', () => {
    expect(insuranceCoverInsufficient.check(withInsurance({ coversTo: 'PLMAA' }))).toContain('DEDUI');
    expect(insuranceCoverInsufficient.check(withInsurance({ coversFrom: undefined }))).toContain('CNCQI');
    expect(insuranceCoverInsufficient.check(withInsurance({ coversFrom: 'CNCKG' }))).toBeUndefined();
  });
  it('ignores an insurance document the credit does not require (UCP 14(g))', () => {
    const terms = { documentsRequired: creditA.documentsRequired.filter((d) => d.kind !== 'insurance_document') };
    const base = withInsurance({ amount: { amount: '1.00', currency: 'USD' } });
    expect(insuranceCoverInsufficient.check({ ...base, terms: { ...base.terms, ...terms } })).toBeUndefined();
  });
});
