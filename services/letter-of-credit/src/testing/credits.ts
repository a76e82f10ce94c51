import type { CreditIssueRequest, LocalDate } from '@railbill/contracts';
import type { TestParties } from '@railbill/testkit';
import { day } from './harness.ts';

/**
 * shipments.md (a) credit RRH26DC000417, dates shifted so that the presentation (04-14) falls today: latest shipment
 * 04-15 → tomorrow, expiry 05-12 → in 28 days. Issuing bank `bank` (Duisburg), advising and nominated
 * `nominatedBank` (Chongqing), applicant `consignee`, beneficiary `shipper`.
 */
export const creditA = (p: TestParties, override: Partial<CreditIssueRequest> = {}): CreditIssueRequest => ({
  number: 'RRH26DC000417',
  issuingBank: p.id('bank'),
  advisingBank: p.id('nominatedBank'),
  nominatedBank: p.id('nominatedBank'),
  applicant: p.id('consignee'),
  beneficiary: p.id('shipper'),
  amount: { amount: '1248000.00', currency: 'USD' },
  tolerance: { plusPercent: 5, minusPercent: 5 },
  expiry: { date: day(28), place: 'Chongqing' },
  availableBy: 'sight_payment',
  partialShipments: 'not_allowed',
  transshipment: 'allowed',
  placeOfDispatch: 'CNCQI',
  placeOfFinalDestination: 'DEDUI',
  latestShipmentDate: day(1),
  goodsDescription: '2400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020',
  documentsRequired: [
    { kind: 'railway_bill_of_lading', consignedToOrderOf: p.id('bank') },
    { kind: 'commercial_invoice' },
    { kind: 'packing_list' },
    { kind: 'insurance_document' },
    { kind: 'certificate_of_origin' },
  ],
  additionalConditions: [],
  presentationPeriodDays: 21,
  confirmation: 'confirm',
  ...override,
});

/**
 * shipments.md (c) credit RRH26DC000502 on the same cast, shifted so that the presentation (05-22) falls today: latest
 * shipment 05-15 → 7 days ago, first departure 05-18 → 4 days ago, expiry 06-10 → in 19 days.
 */
export const creditC = (p: TestParties, override: Partial<CreditIssueRequest> = {}): CreditIssueRequest =>
  creditA(p, {
    number: 'RRH26DC000502',
    amount: { amount: '500000.00', currency: 'USD' },
    expiry: { date: day(19), place: 'Chongqing' },
    availableBy: 'negotiation',
    partialShipments: 'allowed',
    latestShipmentDate: day(-7),
    goodsDescription: '1200 units 27 inch LCD monitors model LM-27, FCA Chongqing Incoterms 2020',
    documentsRequired: [
      { kind: 'railway_bill_of_lading', consignedToOrderOf: p.id('bank') },
      { kind: 'commercial_invoice' },
      { kind: 'packing_list' },
    ],
    confirmation: 'without',
    ...override,
  });

/** A presentation of `waybillId` by the beneficiary: the invoice to the applicant and the other documents. */
export const presentation = (
  p: TestParties,
  o: Readonly<{ waybillId: string; amount: string; goods: string; date?: LocalDate; kinds?: readonly string[] }>,
) => ({
  waybillId: o.waybillId,
  invoice: {
    number: `INV-${o.waybillId.slice(-6)}`,
    issuer: p.id('shipper'),
    addressedTo: p.id('consignee'),
    date: o.date ?? day(-1),
    amount: { amount: o.amount, currency: 'USD' },
    goodsDescription: o.goods,
  },
  documents: (o.kinds ?? ['packing_list', 'insurance_document', 'certificate_of_origin']).map((kind) => ({
    kind,
    originals: 1,
  })),
});
