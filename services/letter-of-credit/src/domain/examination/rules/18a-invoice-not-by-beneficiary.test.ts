import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { party } from '../../testing/shipments.ts';
import { invoiceNotByBeneficiary } from './18a-invoice-not-by-beneficiary.ts';

describe('INVOICE_NOT_BY_BENEFICIARY', () =>
  ruleCases(invoiceNotByBeneficiary, [
    ['complies for an invoice issued by the beneficiary', inputA(), 'complies'],
    [
      'fires for an invoice issued by the carrier, naming it',
      inputA(withInvoice({ issuer: party.silkrail })),
      { contains: party.silkrail },
    ],
    [
      'fires for an invoice issued by the applicant (no transfer under art. 38 is modelled)',
      inputA(withInvoice({ issuer: party.rheinhafen })),
      'fires',
    ],
    [
      'fires for another shipper’s invoice, naming the beneficiary',
      inputA(withInvoice({ issuer: party.lumen })),
      { contains: party.yunxi },
    ],
  ]));
