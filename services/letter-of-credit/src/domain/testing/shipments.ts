import {
  type CreditTerms,
  type Instant,
  type Invoice,
  percentOf,
  type WaybillContent,
  type WaybillEvent,
} from '@railbill/contracts';
import cnFile from '../../../calendars/cn.json' with { type: 'json' };
import deNwFile from '../../../calendars/de-nw.json' with { type: 'json' };
import { toBankingCalendar } from '../banking-days.ts';
import type { Roles } from '../commands.ts';
import { type BillView, foldBillView } from '../examination/bill-view.ts';

/** Sample parties of docs/shipments.md "Parties" (ids are suggestions; nothing depends on them). */
export const party = {
  yunxi: 'yunxi-devices',
  shancheng: 'shancheng-moto',
  lumen: 'lumen-display',
  rheinhafen: 'rheinhafen-computer',
  kallang: 'kallang-twowheel',
  ruhrort: 'ruhrort-office',
  silkrail: 'silkrail-mto',
  beibu: 'beibu-ocean',
  rrhb: 'rrhb',
  yzcb: 'yzcb-cq',
  smbl: 'smbl',
} as const;

export const roles: Roles = {
  [party.yunxi]: 'shipper',
  [party.shancheng]: 'shipper',
  [party.lumen]: 'shipper',
  [party.rheinhafen]: 'consignee',
  [party.kallang]: 'consignee',
  [party.ruhrort]: 'consignee',
  [party.silkrail]: 'carrier',
  [party.beibu]: 'carrier',
  [party.rrhb]: 'bank',
  [party.yzcb]: 'bank',
  [party.smbl]: 'bank',
};

export const calendars = { cn: toBankingCalendar(cnFile), deNw: toBankingCalendar(deNwFile) } as const;

/** docs/shipments.md (a): credit RRH26DC000417, Chongqing → Duisburg laptops, ±5 %, confirmed. */
export const creditA: CreditTerms = {
  number: 'RRH26DC000417',
  issuingBank: party.rrhb,
  advisingBank: party.yzcb,
  nominatedBank: party.yzcb,
  applicant: party.rheinhafen,
  beneficiary: party.yunxi,
  amount: { amount: '1248000.00', currency: 'USD' },
  tolerance: { plusPercent: 5, minusPercent: 5 },
  expiry: { date: '2026-05-12', place: 'Chongqing' },
  availableBy: 'sight_payment',
  partialShipments: 'not_allowed',
  transshipment: 'allowed',
  placeOfDispatch: 'CNCQI',
  placeOfFinalDestination: 'DEDUI',
  latestShipmentDate: '2026-04-15',
  goodsDescription: '2400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020',
  documentsRequired: [
    { kind: 'railway_bill_of_lading', consignedToOrderOf: party.rrhb },
    { kind: 'commercial_invoice' },
    { kind: 'packing_list' },
    { kind: 'insurance_document' },
    { kind: 'certificate_of_origin' },
  ],
  additionalConditions: [],
  presentationPeriodDays: 21,
  confirmation: 'confirm',
};

/** docs/shipments.md (b): credit SMB26LC00788, "rail+" Chongqing → Qinzhou → Singapore, no tolerance, no transshipment. */
export const creditB: CreditTerms = {
  number: 'SMB26LC00788',
  issuingBank: party.smbl,
  advisingBank: party.yzcb,
  nominatedBank: party.yzcb,
  applicant: party.kallang,
  beneficiary: party.shancheng,
  amount: { amount: '186400.00', currency: 'USD' },
  expiry: { date: '2026-07-31', place: 'Chongqing' },
  availableBy: 'negotiation',
  partialShipments: 'not_allowed',
  transshipment: 'not_allowed',
  placeOfDispatch: 'CNCQI',
  placeOfFinalDestination: 'SGSIN',
  latestShipmentDate: '2026-07-10',
  goodsDescription:
    'Motorcycle parts: brake discs, aluminium wheel rims, clutch assemblies, CIP Singapore Incoterms 2020',
  documentsRequired: [
    { kind: 'railway_bill_of_lading', consignedToOrderOf: party.smbl },
    { kind: 'commercial_invoice' },
    { kind: 'packing_list' },
    { kind: 'insurance_document' },
  ],
  additionalConditions: [],
  presentationPeriodDays: 21,
  confirmation: 'without',
};

/** docs/shipments.md (c): credit RRH26DC000502, monitors via Khorgos, ±5 % (max 525000.00), partial allowed. */
export const creditC: CreditTerms = {
  number: 'RRH26DC000502',
  issuingBank: party.rrhb,
  advisingBank: party.yzcb,
  nominatedBank: party.yzcb,
  applicant: party.ruhrort,
  beneficiary: party.lumen,
  amount: { amount: '500000.00', currency: 'USD' },
  tolerance: { plusPercent: 5, minusPercent: 5 },
  expiry: { date: '2026-06-10', place: 'Chongqing' },
  availableBy: 'negotiation',
  partialShipments: 'allowed',
  transshipment: 'allowed',
  placeOfDispatch: 'CNCQI',
  placeOfFinalDestination: 'DEDUI',
  latestShipmentDate: '2026-05-15',
  goodsDescription: '1200 units 27 inch LCD monitors model LM-27, FCA Chongqing Incoterms 2020',
  documentsRequired: [
    { kind: 'railway_bill_of_lading', consignedToOrderOf: party.rrhb },
    { kind: 'commercial_invoice' },
    { kind: 'packing_list' },
  ],
  additionalConditions: [],
  presentationPeriodDays: 21,
  confirmation: 'without',
};

const goods = (description: string, hsCode: string, containerNumber: string) => ({
  description,
  hsCode,
  packages: 100,
  packageKind: 'CT',
  grossKg: '2400.0',
  containerNumber,
});

/** docs/shipments.md (a) bill: one rail leg CNCQI → DEDUI, to order of rrhb. */
export const billContentA: WaybillContent = {
  type: 'bill_of_lading',
  shipper: party.yunxi,
  consignee: party.rheinhafen,
  toOrderOf: party.rrhb,
  notifyParty: party.rheinhafen,
  carrier: party.silkrail,
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'DEDUI',
  legs: [{ sequence: 1, mode: 'rail', carrier: party.silkrail, from: 'CNCQI', to: 'DEDUI' }],
  goods: [
    goods('Portable computers (laptops) 14", model YX-14, 12 per carton', '847130', 'RBLU1000015'),
    goods('Portable computers (laptops) 14", model YX-14, 12 per carton', '847130', 'RBLU1000020'),
  ],
  declaredValue: { amount: '1248000.00', currency: 'USD' },
  incoterm: 'CIP',
  freight: 'prepaid',
  creditNumber: 'RRH26DC000417',
};

/** docs/shipments.md (b) bill: rail CNCQI → CNQZH, then sea CNQZH → SGSIN, to order of smbl. */
export const billContentB: WaybillContent = {
  ...billContentA,
  shipper: party.shancheng,
  consignee: party.kallang,
  toOrderOf: party.smbl,
  notifyParty: party.kallang,
  placeOfDelivery: 'SGSIN',
  legs: [
    { sequence: 1, mode: 'rail', carrier: party.silkrail, from: 'CNCQI', to: 'CNQZH' },
    { sequence: 2, mode: 'sea', carrier: party.beibu, from: 'CNQZH', to: 'SGSIN' },
  ],
  goods: [
    goods('Motorcycle brake discs', '871410', 'CQRU2104509'),
    goods('Motorcycle wheel rims, aluminium', '871410', 'CQRU2104514'),
    goods('Motorcycle clutch assemblies', '871410', 'CQRU2104520'),
  ],
  declaredValue: { amount: '186400.00', currency: 'USD' },
  creditNumber: 'SMB26LC00788',
};

/** docs/shipments.md (c) bill: rail CNCQI → DEDUI via Khorgos, to order of rrhb, FCA, collect. */
export const billContentC: WaybillContent = {
  ...billContentA,
  shipper: party.lumen,
  consignee: party.ruhrort,
  notifyParty: party.ruhrort,
  goods: [goods('LCD monitors 27", model LM-27', '852852', 'YZXU4800158')],
  declaredValue: { amount: '552000.00', currency: 'USD' },
  incoterm: 'FCA',
  freight: 'collect',
  creditNumber: 'RRH26DC000502',
};

export const waybillIds = {
  a: '019d0000-0000-7000-8000-00000000000a',
  b: '019d0000-0000-7000-8000-00000000000b',
  c: '019d0000-0000-7000-8000-00000000000c',
} as const;

type BillStory = Readonly<{ issuedAt: Instant; departedAt?: Instant; endorseTo?: string; endorsedAt?: Instant }>;

/** The bill rebuilt from the waybill events of its timeline, as the consumer would. */
/** The key id the fixture bills are signed with (the JWS itself is checked at the edge: carrier-signature.ts). */
export const FIXTURE_KEY_ID = 'fixture-carrier-key';
/** The carrier facts of a fixture bill: a known carrier whose key signed it, the signature verified. */
export const knownCarrier = { isCarrier: true, keyIds: [FIXTURE_KEY_ID], signatureProblem: undefined } as const;

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
  issuedAt: '2026-04-07T02:00:00.000Z',
  departedAt: '2026-04-08T02:00:00.000Z',
  endorseTo: party.yzcb,
  endorsedAt: '2026-04-14T01:00:00.000Z',
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

export const invoiceA: Invoice = {
  number: 'YX-2026-0413',
  issuer: party.yunxi,
  addressedTo: party.rheinhafen,
  date: '2026-04-13',
  amount: { amount: '1248000.00', currency: 'USD' },
  goodsDescription:
    '2400 units portable computers (laptops) 14 inch model YX-14 at USD 520.00 per unit, CIP Duisburg Incoterms 2020',
};
export const invoiceB: Invoice = {
  number: 'SC-2026-0715',
  issuer: party.shancheng,
  addressedTo: party.kallang,
  date: '2026-07-14',
  amount: { amount: '186400.00', currency: 'USD' },
  goodsDescription:
    'Motorcycle parts: brake discs, aluminium wheel rims, clutch assemblies, CIP Singapore Incoterms 2020',
};
/** (c): 1 200 × USD 460.00 = 552000.00, above the 525000.00 maximum. */
export const invoiceC: Invoice = {
  number: 'LD-2026-0522',
  issuer: party.lumen,
  addressedTo: party.ruhrort,
  date: '2026-05-21',
  amount: { amount: '552000.00', currency: 'USD' },
  goodsDescription: '1200 units 27 inch LCD monitors model LM-27 at USD 460.00 per unit, FCA Chongqing Incoterms 2020',
};

/** An insurance certificate that covers the credit (UCP 28): generous amount, dated early, dispatch to destination. */
export const insuranceFor = (terms: CreditTerms) => ({
  kind: 'insurance_document' as const,
  amount: percentOf(terms.amount, 130),
  date: '2026-01-05',
  coversFrom: terms.placeOfReceipt ?? terms.placeOfDispatch,
  coversTo: terms.placeOfFinalDestination,
});

export const documentsFor = (terms: CreditTerms) =>
  terms.documentsRequired
    .filter((d) => d.kind !== 'railway_bill_of_lading')
    .map((d) => (d.kind === 'insurance_document' ? insuranceFor(terms) : { kind: d.kind }));
