import { chongqingDuisburgBill, creditA, qinzhouSingaporeBill } from '@railbill/testkit';
import { idsOf } from './cast.ts';
import type { ShipmentPlan } from './plan.ts';

const usd = (amount: string) => ({ amount, currency: 'USD' });

/** docs/shipments.md (a): Chongqing → Duisburg by China Railway Express, laptops, confirmed sight credit. */
export const duisburg: ShipmentPlan = {
  label: '(a) Chongqing → Duisburg, laptops',
  anchor: '2026-04-24',
  parties: {
    shipper: 'shipper',
    consignee: 'consignee',
    carrier: 'carrier',
    issuingBank: 'bank',
    nominatedBank: 'nominatedBank',
    customs: { CNCQI: 'customsCn', PLMAA: 'customsPl', DEDUI: 'customsDe' },
  },
  creditNumber: 'RRH26DC000417',
  credit: (c, number, d) =>
    creditA(idsOf(c), {
      number,
      expiry: { date: d.date('2026-05-12'), place: 'Chongqing' },
      latestShipmentDate: d.date('2026-04-15'),
    }),
  bill: (c, creditNumber) => chongqingDuisburgBill(idsOf(c), { creditNumber }),
  before: [
    { leg: 1, event: 'gate_in', date: '2026-04-07', hour: 6, location: 'CNCQI' },
    { leg: 1, event: 'loaded', date: '2026-04-07', hour: 9, location: 'CNCQI' },
    { leg: 1, event: 'departed', date: '2026-04-08', location: 'CNCQI' },
    { leg: 1, event: 'border_crossed', date: '2026-04-12', location: 'CNAKL', name: 'Alashankou / Dostyk' },
    { leg: 1, event: 'gauge_changed', date: '2026-04-12', hour: 8, location: 'CNAKL', name: 'Dostyk 1435→1520' },
  ],
  after: [
    { leg: 1, event: 'border_crossed', date: '2026-04-18', location: 'BYBQT', name: 'Brest' },
    { leg: 1, event: 'border_crossed', date: '2026-04-19', location: 'PLMAA', name: 'Małaszewicze' },
    { leg: 1, event: 'gauge_changed', date: '2026-04-19', hour: 8, location: 'PLMAA', name: 'Małaszewicze 1520→1435' },
    { leg: 1, event: 'arrived', date: '2026-04-23', location: 'DEDUI' },
  ],
  invoice: (c, d) => ({
    number: 'YX-INV-2026-0413',
    issuer: c.shipper.id,
    addressedTo: c.consignee.id,
    date: d.date('2026-04-13'),
    amount: usd('1248000.00'),
    goodsDescription: '2400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020',
  }),
  // UCP 28(e), (f): insured for 110 % of the CIP value, dated before the first notation of shipment, Chongqing to Duisburg
  documents: (d) => [
    { kind: 'railway_bill_of_lading', originals: 3 },
    { kind: 'commercial_invoice', originals: 1 },
    { kind: 'packing_list', originals: 1 },
    {
      kind: 'insurance_document',
      originals: 1,
      amount: usd('1372800.00'),
      date: d.date('2026-04-06'),
      coversFrom: 'CNCQI',
      coversTo: 'DEDUI',
    },
    { kind: 'certificate_of_origin', originals: 1 },
  ],
  importOffice: 'DEDUI',
  // docs/customs.md §2: the separately invoiced Małaszewicze → Duisburg freight comes off the CIP price
  importValuation: { freightAfterEntry: { amount: '4800.00', currency: 'USD' } },
};

const motoDescription =
  'Motorcycle parts: brake discs, aluminium wheel rims, clutch assemblies, CIP Singapore Incoterms 2020';

/** docs/shipments.md (b): Chongqing → Qinzhou by rail, on to Singapore by sea, one "rail+" bill, negotiation credit. */
export const singapore: ShipmentPlan = {
  label: '(b) Chongqing → Qinzhou → Singapore, motorcycle parts',
  anchor: '2026-07-20',
  parties: {
    shipper: 'shipper2',
    consignee: 'consignee2',
    carrier: 'carrier',
    issuingBank: 'sgBank',
    nominatedBank: 'nominatedBank',
    customs: { CNCQI: 'customsCn', SGSIN: 'customsSg' },
  },
  creditNumber: 'SMB26LC00788',
  credit: (c, number, d) => ({
    number,
    issuingBank: c.sgBank.id,
    advisingBank: c.nominatedBank.id,
    nominatedBank: c.nominatedBank.id,
    applicant: c.consignee2.id,
    beneficiary: c.shipper2.id,
    amount: usd('186400.00'),
    expiry: { date: d.date('2026-07-31'), place: 'Chongqing' },
    availableBy: 'negotiation',
    partialShipments: 'not_allowed',
    transshipment: 'not_allowed',
    placeOfDispatch: 'CNCQI',
    placeOfFinalDestination: 'SGSIN',
    latestShipmentDate: d.date('2026-07-10'),
    goodsDescription: motoDescription,
    documentsRequired: [
      { kind: 'railway_bill_of_lading', consignedToOrderOf: c.sgBank.id },
      { kind: 'commercial_invoice' },
      { kind: 'packing_list' },
      { kind: 'insurance_document' },
    ],
    additionalConditions: [],
    presentationPeriodDays: 21,
    confirmation: 'without',
  }),
  bill: (c, creditNumber) => qinzhouSingaporeBill(idsOf(c), { creditNumber }),
  before: [
    { leg: 1, event: 'loaded', date: '2026-07-05', hour: 9, location: 'CNCQI' },
    { leg: 1, event: 'departed', date: '2026-07-06', location: 'CNCQI' },
    { leg: 1, event: 'arrived', date: '2026-07-08', location: 'CNQZH' },
    { leg: 2, event: 'transshipped', date: '2026-07-08', hour: 8, location: 'CNQZH' },
    { leg: 2, event: 'loaded', date: '2026-07-09', location: 'CNQZH' },
    { leg: 2, event: 'departed', date: '2026-07-09', hour: 10, location: 'CNQZH' },
    { leg: 2, event: 'arrived', date: '2026-07-15', location: 'SGSIN' },
    { leg: 2, event: 'discharged', date: '2026-07-15', hour: 8, location: 'SGSIN' },
  ],
  after: [],
  invoice: (c, d) => ({
    number: 'SCM-INV-2026-0714',
    issuer: c.shipper2.id,
    addressedTo: c.consignee2.id,
    date: d.date('2026-07-14'),
    amount: usd('186400.00'),
    goodsDescription: motoDescription,
  }),
  // UCP 28(e), (f): insured for 110 % of the CIP value, dated before the first notation of shipment, Chongqing to Singapore
  documents: (d) => [
    { kind: 'railway_bill_of_lading', originals: 3 },
    { kind: 'commercial_invoice', originals: 1 },
    { kind: 'packing_list', originals: 1 },
    {
      kind: 'insurance_document',
      originals: 1,
      amount: usd('205040.00'),
      date: d.date('2026-07-01'),
      coversFrom: 'CNCQI',
      coversTo: 'SGSIN',
    },
  ],
  importOffice: 'SGSIN',
};
