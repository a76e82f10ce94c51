import type { GoodsLine, Locode, WaybillContent } from '@railbill/contracts';
import riskRules from '../../../config/risk-rules.json' with { type: 'json' };
import tariffTable from '../../../config/tariff.json' with { type: 'json' };
import type { BillFacts } from '../bill-facts.ts';
import type { Actor, AeoFlags } from '../commands.ts';
import { parseTariff } from '../duties/tariff.ts';
import type { DecideEnv } from '../env.ts';
import { parseRiskConfig, type RiskConfig } from '../risk/config.ts';

export const riskConfig = parseRiskConfig(riskRules);
export const tariff = parseTariff(tariffTable);
/** The repo's rules with sampling off, so a channel depends only on the rules a test is about. */
export const env: DecideEnv = {
  risk: { ...riskConfig, sampling: { ...riskConfig.sampling, yellowRate: 0, redRate: 0 } },
  tariff,
};
export const withRisk = (change: Partial<RiskConfig>): DecideEnv => ({ ...env, risk: { ...env.risk, ...change } });

/** docs/shipments.md parties (ids are the suggested ones; nothing outside these tests depends on them). */
export const parties = {
  yunxi: { id: 'yunxi-devices', role: 'shipper' },
  shancheng: { id: 'shancheng-moto', role: 'shipper' },
  bayu: { id: 'bayu-home', role: 'shipper' },
  rheinhafen: { id: 'rheinhafen-computer', role: 'consignee' },
  kallang: { id: 'kallang-twowheel', role: 'consignee' },
  elbufer: { id: 'elbufer-wohnen', role: 'consignee' },
  silkrail: { id: 'silkrail-mto', role: 'carrier' },
  rrhb: { id: 'rrhb', role: 'bank' },
  customsCq: { id: 'customs-cq', role: 'customs', offices: ['CNCQI'] },
  customsPl: { id: 'customs-pl', role: 'customs', offices: ['PLMAA'] },
  customsDe: { id: 'customs-de', role: 'customs', offices: ['DEDUI', 'DEHAM'] },
  customsSg: { id: 'customs-sg', role: 'customs', offices: ['SGSIN'] },
  operator: { id: 'ops', role: 'operator' },
} as const satisfies Record<string, Actor>;

export const aeo: AeoFlags = { 'yunxi-devices': true, 'bayu-home': true, 'rheinhafen-computer': true };

export const ids = {
  waybillA: '019d2a00-0000-7000-8000-00000000000a',
  waybillB: '019d2a00-0000-7000-8000-00000000000b',
  waybillD: '019d2a00-0000-7000-8000-00000000000d',
  declaration: '019d2a00-0000-7000-8000-0000000000c1',
} as const;

export const t = {
  issued: '2026-04-07T02:00:00.000Z',
  crossed: '2026-04-19T08:00:00.000Z',
  arrived: '2026-04-23T08:00:00.000Z',
  decided: '2026-04-23T10:00:00.000Z',
} as const;

const line = (
  description: string,
  hsCode: string,
  packages: number,
  grossKg: string,
  containerNumber: string,
): GoodsLine => ({
  description,
  hsCode,
  packages,
  packageKind: 'CT',
  grossKg,
  containerNumber,
});

const rail = (carrier: string, from: Locode, to: Locode, stations: readonly Locode[] = []) => ({
  sequence: 1,
  mode: 'rail' as const,
  carrier,
  from,
  to,
  borderCrossings: stations.map((station) => ({ station, gaugeChange: station !== 'BYBQT' })),
});

const facts = (waybillId: string, billNumber: string, content: WaybillContent): BillFacts => ({
  waybillId,
  status: 'issued',
  content,
  billNumber,
  // a bill of lading as its buyer received it on payment (docs/title.md): the consignee is its entitled holder
  holder: content.type === 'bill_of_lading' ? content.consignee : content.shipper,
  orderOf: content.type === 'bill_of_lading' ? content.consignee : null,
  pledge: null,
  firstDepartureAt: null,
  updatedAt: t.issued,
});

const laptops = 'Portable computers (laptops) 14", model YX-14, 12 per carton';

/** docs/shipments.md (a): Chongqing → Duisburg, laptops, to-order bill, AEO shipper and consignee. */
export const billA = (change: Partial<WaybillContent> = {}): BillFacts =>
  facts(ids.waybillA, 'SRX26CQ0001', {
    type: 'bill_of_lading',
    shipper: 'yunxi-devices',
    consignee: 'rheinhafen-computer',
    toOrderOf: 'rrhb',
    notifyParty: 'rheinhafen-computer',
    carrier: 'silkrail-mto',
    placeOfReceipt: 'CNCQI',
    placeOfDelivery: 'DEDUI',
    legs: [rail('silkrail-mto', 'CNCQI', 'DEDUI', ['CNAKL', 'BYBQT', 'PLMAA'])],
    goods: [
      line(laptops, '847130', 100, '2400.0', 'RBLU1000015'),
      line(laptops, '847130', 100, '2400.0', 'RBLU1000020'),
    ],
    declaredValue: { amount: '1248000.00', currency: 'USD' },
    incoterm: 'CIP',
    freight: 'prepaid',
    ...change,
  });

/** docs/shipments.md (b): Chongqing → Qinzhou → Singapore, motorcycle parts, no AEO party. */
export const billB = (): BillFacts =>
  facts(ids.waybillB, 'SRX26CQ0002', {
    type: 'bill_of_lading',
    shipper: 'shancheng-moto',
    consignee: 'kallang-twowheel',
    toOrderOf: 'smbl',
    carrier: 'silkrail-mto',
    placeOfReceipt: 'CNCQI',
    placeOfDelivery: 'SGSIN',
    legs: [
      rail('silkrail-mto', 'CNCQI', 'CNQZH'),
      { sequence: 2, mode: 'sea', carrier: 'beibu-ocean', from: 'CNQZH', to: 'SGSIN' },
    ],
    goods: [
      line('Motorcycle brake discs', '871410', 400, '6200.0', 'CQRU2104509'),
      line('Motorcycle wheel rims, aluminium', '871410', 240, '5760.0', 'CQRU2104514'),
      line('Motorcycle clutch assemblies', '871410', 180, '3060.0', 'CQRU2104520'),
    ],
    declaredValue: { amount: '186400.00', currency: 'USD' },
    incoterm: 'CIP',
    freight: 'prepaid',
  });

/** docs/shipments.md (d): straight waybill Chongqing → Hamburg, furniture and garments, AEO shipper. */
export const billD = (): BillFacts =>
  facts(ids.waybillD, 'SRX26CQ0004', {
    type: 'waybill',
    shipper: 'bayu-home',
    consignee: 'elbufer-wohnen',
    carrier: 'silkrail-mto',
    placeOfReceipt: 'CNCQI',
    placeOfDelivery: 'DEHAM',
    legs: [rail('silkrail-mto', 'CNCQI', 'DEHAM', ['CNAKL', 'BYBQT', 'PLMAA'])],
    goods: [
      line('Wooden dining tables and chairs, flat-packed', '940360', 180, '7900.0', 'RBLU1000036'),
      line("Women's cotton trousers", '620462', 150, '1650.0', 'RBLU1000041'),
    ],
    declaredValue: { amount: '60000.00', currency: 'EUR' },
    incoterm: 'DAP',
    freight: 'prepaid',
  });
