import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { castA, chongqingDuisburgBill, creditTermsA, invoiceA, shiftedTo, type TestParties } from '@railbill/testkit';
import { uuidv7 } from './uuid.ts';

export type ScriptedEvent = Readonly<{
  topic: string;
  type: string;
  subject: string;
  version: number;
  correlationId: string;
  time: string;
  data: unknown;
}>;

const day = (base: number, d: number, hour = 2) => new Date(base + d * 86_400_000 + hour * 3_600_000).toISOString();
const date = (base: number, d: number) => day(base, d).slice(0, 10);

/**
 * Shipment (a) of docs/shipments.md as the three services would publish it (shifted to end yesterday):
 * the credit (own correlation id until presented), the bill, its milestones, the customs releases and the payment.
 */
export const duisburgShipmentEvents = (p: TestParties, waybillId = uuidv7()): ScriptedEvent[] => {
  const base =
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 53 * 86_400_000;
  const creditId = uuidv7();
  const exportId = uuidv7();
  const presentationId = uuidv7();
  const bill = chongqingDuisburgBill(p);
  // docs/shipments.md (a) starts with the credit issued on 2026-03-02: day 0 here
  const dated = shiftedTo('2026-03-02', date(base, 0));
  const terms = creditTermsA(castA(p), dated);
  const { number: creditNumber, amount } = terms;
  const wb = (v: number, type: string, d: number, data: unknown) =>
    ({
      topic: WAYBILL_TOPIC,
      type,
      subject: waybillId,
      version: v,
      correlationId: waybillId,
      time: day(base, d),
      data,
    }) as const;
  const lc = (v: number, type: string, d: number, data: object, correlationId = waybillId) =>
    ({
      topic: LC_TOPIC,
      type,
      subject: creditId,
      version: v,
      correlationId,
      time: day(base, d),
      data: { creditNumber, ...data },
    }) as const;
  const customs = (v: number, type: string, d: number, status: string, extra: object = {}) =>
    ({
      topic: CUSTOMS_TOPIC,
      type,
      subject: exportId,
      version: v,
      correlationId: waybillId,
      time: day(base, d),
      data: { waybillId, declarationType: 'export', office: 'CNCQI', status, at: day(base, d), ...extra },
    }) as const;
  const milestone = (v: number, d: number, event: string, location: string) =>
    wb(v, 'waybill.milestone_recorded', d, { leg: 1, event, at: day(base, d), location, recordedBy: p.id('carrier') });
  return [
    lc(
      1,
      'lc.issued',
      0,
      {
        ...terms,
        issuedBy: p.id('bank'),
        issuedOn: date(base, 0),
      },
      creditId,
    ),
    wb(1, 'waybill.submitted', 32, { ...bill, submittedBy: p.id('shipper'), warnings: [] }),
    wb(2, 'waybill.issued', 36, { billNumber: 'SRM-CQ-000417', issuedBy: p.id('carrier'), holder: p.id('shipper') }),
    customs(1, 'customs.lodged', 36, 'lodged', {
      lodgedBy: p.id('shipper'),
      declarant: { id: p.id('shipper'), aeo: true },
      goods: [
        {
          hsCode: '847130',
          description: 'laptops',
          origin: 'CN',
          customsValue: amount,
          grossKg: '4800.0',
          packages: 200,
        },
      ],
      billParties: [p.id('shipper')],
    }),
    customs(2, 'customs.risk_assessed', 36, 'accepted', {
      channel: 'green',
      riskReasons: ['aeo: AEO exporter'],
      score: 0,
    }),
    customs(3, 'customs.released', 36, 'released', { reason: 'green channel' }),
    milestone(3, 37, 'departed', 'CNCQI'),
    milestone(4, 41, 'border_crossed', 'CNAKL'),
    milestone(5, 41, 'gauge_changed', 'CNAKL'),
    // docs/title.md: the bill runs to the order of the issuing bank; the shipper hands it to the nominated bank
    wb(6, 'waybill.transferred', 43, { from: p.id('shipper'), to: p.id('nominatedBank'), at: day(base, 43) }),
    lc(2, 'lc.presented', 43, {
      presentationId,
      waybillId,
      invoice: invoiceA(castA(p), dated),
      documents: [{ kind: 'railway_bill_of_lading' }],
      presentedAt: day(base, 43),
      presentedOn: date(base, 43),
      decisionDeadline: date(base, 50),
      presentedBy: p.id('shipper'),
    }),
    lc(3, 'lc.examined', 43, {
      presentationId,
      result: 'complying',
      discrepancies: [],
      billHolder: p.id('nominatedBank'),
    }),
    lc(4, 'lc.documents_forwarded', 45, {
      presentationId,
      waybillId,
      from: p.id('nominatedBank'),
      to: p.id('bank'),
      by: p.id('nominatedBank'),
    }),
    wb(7, 'waybill.transferred', 45, {
      from: p.id('nominatedBank'),
      to: p.id('bank'),
      at: day(base, 45),
      causationId: uuidv7(),
    }),
    lc(5, 'lc.paid', 49, {
      presentationId,
      waybillId,
      amount,
      applicant: p.id('consignee'),
      bank: p.id('nominatedBank'),
      paidBy: p.id('bank'),
    }),
    wb(8, 'waybill.endorsed', 49, {
      from: p.id('bank'),
      to: p.id('consignee'),
      at: day(base, 49),
      causationId: uuidv7(),
    }),
  ];
};
