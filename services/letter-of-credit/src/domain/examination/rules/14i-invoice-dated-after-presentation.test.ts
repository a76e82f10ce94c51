import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { invoiceDatedAfterPresentation } from './14i-invoice-dated-after-presentation.ts';

describe('INVOICE_DATED_AFTER_PRESENTATION', () => {
  it('complies for an invoice dated before', () =>
    expect(invoiceDatedAfterPresentation.check(inputA())).toBeUndefined());
  it('complies for an invoice dated the day of presentation', () =>
    expect(invoiceDatedAfterPresentation.check(inputA(withInvoice({ date: '2026-04-14' })))).toBeUndefined());
  it('fires for an invoice dated the day after', () =>
    expect(invoiceDatedAfterPresentation.check(inputA(withInvoice({ date: '2026-04-15' })))).toBeDefined());
});
