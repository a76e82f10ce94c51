import type { CreditTerms } from '@railbill/contracts';
import type { ExaminationInput } from '../examination/context.ts';
import { billA, calendars, creditA, documentsFor, invoiceA, knownCarrier, waybillIds } from './shipments.ts';

/** Shipment (a) presented on 2026-04-14, complying; a rule test overrides only what it is about. */
export const inputA = (
  overrides: Partial<ExaminationInput> = {},
  terms: Partial<CreditTerms> = {},
): ExaminationInput => ({
  terms: { ...creditA, ...terms },
  presentation: { waybillId: waybillIds.a, invoice: invoiceA, documents: documentsFor(creditA) },
  bill: billA,
  presentedOn: '2026-04-14',
  timeZone: 'Asia/Shanghai',
  calendar: calendars.cn,
  earlier: [],
  carrier: knownCarrier,
  ...overrides,
});

export const withInvoice = (
  changes: Partial<ExaminationInput['presentation']['invoice']>,
): Partial<ExaminationInput> => ({
  presentation: { ...inputA().presentation, invoice: { ...invoiceA, ...changes } },
});

/** Shipment (a)'s bill with only the fields a rule is about changed. */
export const withBill = (changes: Partial<NonNullable<ExaminationInput['bill']>>): Partial<ExaminationInput> => ({
  bill: { ...billA, ...changes },
});
