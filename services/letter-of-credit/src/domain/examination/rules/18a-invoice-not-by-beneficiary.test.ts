import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotByBeneficiary } from './18a-invoice-not-by-beneficiary.ts';

const issuedBy = (issuer: string) => inputA(withInvoice({ issuer }));

describe('INVOICE_NOT_BY_BENEFICIARY', () =>
  ruleCases(invoiceNotByBeneficiary, [
    ['complies for an invoice issued by the beneficiary', inputA(), 'complies'],
    ['fires for an invoice issued by the carrier, naming it', issuedBy(party.silkrail), { contains: party.silkrail }],
    ['fires for an invoice issued by the applicant (no transfer, art. 38)', issuedBy(party.rheinhafen), 'fires'],
    ['fires for another shipper’s invoice, naming the beneficiary', issuedBy(party.lumen), { contains: party.yunxi }],
  ]));
