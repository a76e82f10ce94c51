import { describe, expect, it } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotByBeneficiary } from './18a-invoice-not-by-beneficiary.ts';

describe('INVOICE_NOT_BY_BENEFICIARY', () => {
  it('complies for an invoice issued by the beneficiary', () =>
    expect(invoiceNotByBeneficiary.check(inputA())).toBeUndefined());
  it('fires for an invoice issued by the carrier, naming it', () =>
    expect(invoiceNotByBeneficiary.check(inputA(withInvoice({ issuer: party.silkrail })))).toContain(party.silkrail));
  it('fires for an invoice issued by the applicant (no transfer under art. 38 is modelled)', () =>
    expect(invoiceNotByBeneficiary.check(inputA(withInvoice({ issuer: party.rheinhafen })))).toBeDefined());
  it('fires for another shipper’s invoice, naming the beneficiary', () =>
    expect(invoiceNotByBeneficiary.check(inputA(withInvoice({ issuer: party.lumen })))).toContain(party.yunxi));
});
