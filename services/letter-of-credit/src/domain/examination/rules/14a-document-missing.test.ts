import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { documentMissing } from './14a-document-missing.ts';

describe('DOCUMENT_MISSING', () => {
  it('complies when every required document is presented', () =>
    expect(documentMissing.check(inputA())).toBeUndefined());
  it('fires for a required document not presented', () =>
    expect(
      documentMissing.check(
        inputA({ presentation: { ...inputA().presentation, documents: [{ kind: 'packing_list' }] } }),
      ),
    ).toContain('insurance_document'));
  it('fires when the bill was never consumed', () =>
    expect(documentMissing.check(inputA({ bill: undefined }))).toContain('railway_bill_of_lading'));
  it('accepts exactly the required number of originals, not one fewer', () => {
    const terms = { documentsRequired: [{ kind: 'packing_list' as const, originals: 2 }] };
    const withOriginals = (originals: number) =>
      inputA({ presentation: { ...inputA().presentation, documents: [{ kind: 'packing_list', originals }] } }, terms);
    expect(documentMissing.check(withOriginals(2))).toBeUndefined();
    expect(documentMissing.check(withOriginals(1))).toContain('packing_list');
  });
});
