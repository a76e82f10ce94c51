import type { CreditTerms, WaybillEvent } from '@railbill/contracts';
import type { BillView } from '../examination/bill-view.ts';
import type { ExaminationInput } from '../examination/context.ts';
import { evolveBillView } from './bill-views.ts';
import {
  billA,
  type CreditShipment,
  calendars,
  creditA,
  documentsFor,
  invoiceA,
  knownCarrier,
  shipments,
} from './shipments.ts';

/** A credit shipment of docs/shipments.md as it is presented, in full, on its presentation date. */
export const examinationInput = (shipment: CreditShipment, terms: CreditTerms = shipment.terms): ExaminationInput => ({
  terms,
  presentation: { waybillId: shipment.waybillId, invoice: shipment.invoice, documents: documentsFor(shipment.terms) },
  bill: shipment.bill,
  presentedOn: shipment.presentedOn,
  timeZone: 'Asia/Shanghai',
  calendar: calendars.cn,
  earlier: [],
  carrier: knownCarrier,
});

/** Shipment (a) presented on 2026-04-14, complying; a rule test overrides only what it is about. */
export const inputA = (
  overrides: Partial<ExaminationInput> = {},
  terms: Partial<CreditTerms> = {},
): ExaminationInput => ({
  ...examinationInput(shipments.a, { ...creditA, ...terms }),
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

type Milestone = Extract<WaybillEvent, { type: 'waybill.milestone_recorded' }>['data'];

/** A bill view after the carrier records one milestone (consumed at `time`, by default when it happened). */
export const afterMilestone = (bill: BillView, milestone: Milestone, time = milestone.at): BillView | undefined =>
  evolveBillView(bill, { type: 'waybill.milestone_recorded', data: milestone }, { waybillId: bill.waybillId, time });
