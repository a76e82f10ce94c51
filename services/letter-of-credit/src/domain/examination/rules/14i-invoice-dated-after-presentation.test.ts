import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { invoiceDatedAfterPresentation } from './14i-invoice-dated-after-presentation.ts';

describe('INVOICE_DATED_AFTER_PRESENTATION', () =>
  ruleCases(invoiceDatedAfterPresentation, [
    ['complies for an invoice dated before', inputA(), 'complies'],
    ['complies for an invoice dated the day of presentation', inputA(withInvoice({ date: '2026-04-14' })), 'complies'],
    ['fires for an invoice dated the day after', inputA(withInvoice({ date: '2026-04-15' })), 'fires'],
  ]));
