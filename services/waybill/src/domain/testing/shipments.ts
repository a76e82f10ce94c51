import type { Leg, WaybillContent } from '@railbill/contracts';
import type { Actor, Roles } from '../commands.ts';

/** Parties of docs/shipments.md "Parties" (ids are test-local; nothing depends on a seed file). */
export const parties = {
  yunxi: { id: 'yunxi-devices', role: 'shipper' },
  shancheng: { id: 'shancheng-moto', role: 'shipper' },
  bayu: { id: 'bayu-home', role: 'shipper' },
  rheinhafen: { id: 'rheinhafen-computer', role: 'consignee' },
  kallang: { id: 'kallang-twowheel', role: 'consignee' },
  elbufer: { id: 'elbufer-wohnen', role: 'consignee' },
  silkrail: { id: 'silkrail-mto', role: 'carrier' },
  beibu: { id: 'beibu-ocean', role: 'carrier' },
  rrhb: { id: 'rrhb', role: 'bank' },
  yzcb: { id: 'yzcb-cq', role: 'bank' },
  smbl: { id: 'smbl', role: 'bank' },
  customsCq: { id: 'customs-cq', role: 'customs' },
  operator: { id: 'railbill-ops', role: 'operator' },
} as const satisfies Record<string, Actor>;

/** The parties file as the caller would look roles up in it. */
export const roles: Roles = Object.fromEntries(Object.values(parties).map((p) => [p.id, p.role]));

/** docs/shipments.md (a): Chongqing → Duisburg by China Railway Express, laptops, to order of rrhb. */
export const chongqingDuisburg = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  type: 'bill_of_lading',
  shipper: parties.yunxi.id,
  consignee: parties.rheinhafen.id,
  toOrderOf: parties.rrhb.id,
  notifyParty: parties.rheinhafen.id,
  carrier: parties.silkrail.id,
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'DEDUI',
  legs: [
    {
      sequence: 1,
      mode: 'rail',
      carrier: parties.silkrail.id,
      from: 'CNCQI',
      to: 'DEDUI',
      borderCrossings: [
        { station: 'CNAKL', name: 'Alashankou/Dostyk', gaugeChange: true },
        { station: 'BYBQT', gaugeChange: false },
        { station: 'PLMAA', gaugeChange: true },
      ],
    },
  ],
  goods: [1, 2].map((i) => ({
    description: 'Portable computers (laptops) 14", model YX-14, 12 per carton',
    hsCode: '847130',
    packages: 100,
    packageKind: 'CT',
    grossKg: '2400.0',
    volumeM3: '9.6',
    containerNumber: i === 1 ? 'RBLU1000015' : 'RBLU1000020',
    sealNumber: `CQ260407010${i}`,
  })),
  declaredValue: { amount: '1248000.00', currency: 'USD' },
  incoterm: 'CIP',
  freight: 'prepaid',
  creditNumber: 'RRH26DC000417',
  ...overrides,
});

const motorcycleParts = [
  ['Motorcycle brake discs', 400, '6200.0', '18.5', 'CQRU2104509'],
  ['Motorcycle wheel rims, aluminium', 240, '5760.0', '31.0', 'CQRU2104514'],
  ['Motorcycle clutch assemblies', 180, '3060.0', '9.0', 'CQRU2104520'],
] as const;

/** docs/shipments.md (b) leg 1: rail CNCQI → CNQZH, no border. */
export const ilstcRailLeg: Leg = {
  sequence: 1,
  mode: 'rail',
  carrier: parties.silkrail.id,
  from: 'CNCQI',
  to: 'CNQZH',
};
/** docs/shipments.md (b) leg 2: sea CNQZH → SGSIN by beibu-ocean; it starts where leg 1 ends. */
export const ilstcSeaLeg: Leg = { sequence: 2, mode: 'sea', carrier: parties.beibu.id, from: 'CNQZH', to: 'SGSIN' };

/** docs/shipments.md (b): Chongqing → Qinzhou (rail) → Singapore (sea), one "rail+" bill to order of smbl. */
export const chongqingQinzhouSingapore = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  type: 'bill_of_lading',
  shipper: parties.shancheng.id,
  consignee: parties.kallang.id,
  toOrderOf: parties.smbl.id,
  notifyParty: parties.kallang.id,
  carrier: parties.silkrail.id,
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'SGSIN',
  legs: [ilstcRailLeg, ilstcSeaLeg],
  goods: motorcycleParts.map(([description, packages, grossKg, volumeM3, containerNumber], i) => ({
    description,
    hsCode: '871410',
    packages,
    packageKind: 'CT',
    grossKg,
    volumeM3,
    containerNumber,
    sealNumber: `QZ260706020${i + 1}`,
  })),
  declaredValue: { amount: '186400.00', currency: 'USD' },
  incoterm: 'CIP',
  freight: 'prepaid',
  creditNumber: 'SMB26LC00788',
  ...overrides,
});

/** docs/shipments.md (d): straight waybill, no LC, Chongqing → Hamburg, furniture and garments. */
export const straightWaybillHamburg = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  type: 'waybill',
  shipper: parties.bayu.id,
  consignee: parties.elbufer.id,
  carrier: parties.silkrail.id,
  placeOfReceipt: 'CNCQI',
  placeOfDelivery: 'DEHAM',
  legs: [
    {
      sequence: 1,
      mode: 'rail',
      carrier: parties.silkrail.id,
      from: 'CNCQI',
      to: 'DEHAM',
      borderCrossings: [
        { station: 'CNAKL', gaugeChange: true },
        { station: 'BYBQT', gaugeChange: false },
        { station: 'PLMAA', gaugeChange: true },
      ],
    },
  ],
  goods: [
    {
      description: 'Wooden dining tables and chairs, flat-packed',
      hsCode: '940360',
      packages: 180,
      packageKind: 'CT',
      grossKg: '7900.0',
      volumeM3: '58.0',
      containerNumber: 'RBLU1000036',
      sealNumber: 'CQ2608030401',
    },
    {
      description: "Women's cotton trousers",
      hsCode: '620462',
      packages: 150,
      packageKind: 'CT',
      grossKg: '1650.0',
      volumeM3: '12.0',
      containerNumber: 'RBLU1000041',
      sealNumber: 'CQ2608030402',
    },
  ],
  declaredValue: { amount: '60000.00', currency: 'EUR' },
  incoterm: 'DAP',
  freight: 'prepaid',
  ...overrides,
});
