import {
  castA,
  castB,
  chongqingDuisburgBill,
  creditTermsA,
  creditTermsB,
  documentsFor,
  invoiceA,
  invoiceB,
  qinzhouSingaporeBill,
} from '@railbill/testkit';
import { idsOf } from './cast.ts';
import type { ShipmentPlan } from './plan.ts';

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
  credit: (c, number, d) => ({ ...creditTermsA(castA(idsOf(c)), d.date), number }),
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
  invoice: (c, d) => invoiceA(castA(idsOf(c)), d.date),
  // UCP 28(e), (f): insured for 110 % of the CIP value, dated before the first notation of shipment, Chongqing to Duisburg
  documents: (c, d) => [
    { kind: 'railway_bill_of_lading', originals: 3 },
    ...documentsFor(creditTermsA(castA(idsOf(c)), d.date), { insuredOn: d.date('2026-04-06') }),
  ],
  importOffice: 'DEDUI',
  // docs/customs.md §2: the separately invoiced Małaszewicze → Duisburg freight comes off the CIP price
  importValuation: { freightAfterEntry: { amount: '4800.00', currency: 'USD' } },
};

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
  credit: (c, number, d) => ({ ...creditTermsB(castB(idsOf(c)), d.date), number }),
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
  invoice: (c, d) => invoiceB(castB(idsOf(c)), d.date),
  // UCP 28(e), (f): insured for 110 % of the CIP value, dated before the first notation of shipment, Chongqing to Singapore
  documents: (c, d) => [
    { kind: 'railway_bill_of_lading', originals: 3 },
    ...documentsFor(creditTermsB(castB(idsOf(c)), d.date), { insuredOn: d.date('2026-07-01') }),
  ],
  importOffice: 'SGSIN',
};
