import type { CreditTerms, Instant, Invoice, LocalDate, WaybillContent, WaybillEvent } from '@railbill/contracts';
import {
  docsShipmentCast as cast,
  creditTermsA,
  creditTermsB,
  creditTermsC,
  docsCast,
  docsIds,
  insuranceCover,
  presentedDocument,
  documentsFor as presentedDocuments,
  billA as shipmentA,
  billB as shipmentB,
  billC as shipmentC,
  invoiceA as shipmentInvoiceA,
  invoiceB as shipmentInvoiceB,
  invoiceC as shipmentInvoiceC,
  timelineA,
} from '@railbill/testkit/domain';
import cnFile from '../../../calendars/cn.json' with { type: 'json' };
import deNwFile from '../../../calendars/de-nw.json' with { type: 'json' };
import { toBankingCalendar } from '../banking-days.ts';
import type { Roles } from '../commands.ts';
import type { BillView } from '../examination/bill-view.ts';
import { foldBillView } from './bill-views.ts';

/** The ids of docs/shipments.md "The cast" (packages/testkit/src/fixtures/cast.ts). */
export const party = docsIds;
export const roles: Roles = Object.fromEntries(Object.values(docsCast).map((p) => [p.id, p.role]));
export const calendars = { cn: toBankingCalendar(cnFile), deNw: toBankingCalendar(deNwFile) } as const;

/** docs/shipments.md (a), (b), (c): the credits, dated as written. */
export const creditA: CreditTerms = creditTermsA(cast.a);
export const creditB: CreditTerms = creditTermsB(cast.b);
export const creditC: CreditTerms = creditTermsC(cast.c);
/** docs/shipments.md (a), (b), (c): the bills' content. */
export const billContentA: WaybillContent = shipmentA(cast.a);
const billContentB: WaybillContent = shipmentB(cast.b);
const billContentC: WaybillContent = shipmentC(cast.c);
export const waybillIds = {
  a: '019d0000-0000-7000-8000-00000000000a',
  b: '019d0000-0000-7000-8000-00000000000b',
  c: '019d0000-0000-7000-8000-00000000000c',
} as const;

type BillStory = Readonly<{ issuedAt: Instant; departedAt?: Instant; endorseTo?: string; endorsedAt?: Instant }>;

/** The key id the fixture bills are signed with (the JWS itself is checked at the edge: carrier-signature.ts). */
export const FIXTURE_KEY_ID = 'fixture-carrier-key';
/** The carrier facts of a fixture bill: a known carrier whose key signed it, the signature verified. */
export const knownCarrier = { isCarrier: true, keyIds: [FIXTURE_KEY_ID], signatureProblem: undefined } as const;

/** The bill rebuilt from the waybill events of its timeline, as the consumer would. */
export const billView = (waybillId: string, content: WaybillContent, story: BillStory): BillView => {
  const billNumber = `SRM-${waybillId.slice(-4)}`;
  const events: { event: WaybillEvent; time: Instant }[] = [
    {
      event: { type: 'waybill.submitted', data: { ...content, submittedBy: content.shipper, warnings: [] } },
      time: story.issuedAt,
    },
    {
      event: {
        type: 'waybill.issued',
        data: {
          billNumber,
          issuedBy: content.carrier,
          holder: content.shipper,
          signature: 'e30.e30.c2lnbmF0dXJl',
          keyId: FIXTURE_KEY_ID,
        },
      },
      time: story.issuedAt,
    },
  ];
  if (story.departedAt !== undefined)
    events.push({
      event: {
        type: 'waybill.milestone_recorded',
        data: {
          leg: 1,
          event: 'departed',
          at: story.departedAt,
          location: content.placeOfReceipt,
          recordedBy: content.carrier,
        },
      },
      time: story.departedAt,
    });
  if (story.endorseTo !== undefined && story.endorsedAt !== undefined)
    events.push({
      event: { type: 'waybill.endorsed', data: { from: content.shipper, to: story.endorseTo, at: story.endorsedAt } },
      time: story.endorsedAt,
    });
  const view = foldBillView(waybillId, events);
  if (view === undefined) throw new Error('fixture bill did not fold');
  return view;
};

/** (a): issued 04-07, departed Wed 04-08 (shipment date), endorsed to yzcb-cq 04-14. */
export const billA = billView(waybillIds.a, billContentA, {
  issuedAt: timelineA.issued,
  departedAt: timelineA.departed,
  endorseTo: party.yzcb,
  endorsedAt: timelineA.endorsed,
});
/** (b): issued 07-03, rail departure 07-06 (shipment date, not the vessel's 07-09), endorsed 07-14. */
export const billB = billView(waybillIds.b, billContentB, {
  issuedAt: '2026-07-03T02:00:00.000Z',
  departedAt: '2026-07-06T02:00:00.000Z',
  endorseTo: party.yzcb,
  endorsedAt: '2026-07-14T02:00:00.000Z',
});
/** (c): issued 05-14, departed Mon 05-18 (after export control), endorsed 05-21. */
export const billC = billView(waybillIds.c, billContentC, {
  issuedAt: '2026-05-14T02:00:00.000Z',
  departedAt: '2026-05-18T02:00:00.000Z',
  endorseTo: party.yzcb,
  endorsedAt: '2026-05-21T02:00:00.000Z',
});

export const invoiceA = shipmentInvoiceA(cast.a);
export const invoiceB = shipmentInvoiceB(cast.b);
/** (c): 1 200 × USD 460.00 = 552000.00, above the 525000.00 maximum. */
export const invoiceC = shipmentInvoiceC(cast.c);

/** A credit shipment of docs/shipments.md as its presentation brings it to the examination. */
export type CreditShipment = Readonly<{
  terms: CreditTerms;
  bill: BillView;
  invoice: Invoice;
  waybillId: string;
  presentedOn: LocalDate;
}>;

/** (a) and (b) complying on 04-14 and 07-15, (c) discrepant on 05-22. */
export const shipments = {
  a: { terms: creditA, bill: billA, invoice: invoiceA, waybillId: waybillIds.a, presentedOn: '2026-04-14' },
  b: { terms: creditB, bill: billB, invoice: invoiceB, waybillId: waybillIds.b, presentedOn: '2026-07-15' },
  c: { terms: creditC, bill: billC, invoice: invoiceC, waybillId: waybillIds.c, presentedOn: '2026-05-22' },
} as const satisfies Record<string, CreditShipment>;

/**
 * The documents presented with the invoice. The insurance is generous (130 %) and dated early, so that a test that
 * raises the invoice or moves the shipment meets no insurance discrepancy it is not about (UCP 28).
 */
const cover = { insuredOn: '2026-01-05', coverPercent: 130 } as const;
export const documentsFor = (terms: CreditTerms) => presentedDocuments(terms, cover);
export const insuranceFor = (terms: CreditTerms) =>
  presentedDocument('insurance_document', insuranceCover(terms, cover));
