import type { WaybillContent } from '@railbill/contracts';
import {
  docsAeo,
  docsCast,
  docsShipmentCast,
  billA as shipmentA,
  billB as shipmentB,
  billD as shipmentD,
  timelineA,
} from '@railbill/testkit/domain';
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

/** The cast of docs/shipments.md (packages/testkit/src/fixtures/cast.ts) and an operator. */
export const parties = { ...docsCast, operator: { id: 'ops', role: 'operator' } } as const satisfies Record<
  string,
  Actor
>;

export const aeo: AeoFlags = Object.fromEntries(docsAeo.map((id) => [id, true]));

export const ids = {
  waybillA: '019d2a00-0000-7000-8000-00000000000a',
  waybillB: '019d2a00-0000-7000-8000-00000000000b',
  waybillD: '019d2a00-0000-7000-8000-00000000000d',
  declaration: '019d2a00-0000-7000-8000-0000000000c1',
} as const;

/** docs/shipments.md (a): issued, into the EU at PLMAA, arrived at DEDUI; an officer decides two hours after arrival. */
export const t = {
  issued: timelineA.issued,
  crossed: timelineA.enteredEu,
  arrived: timelineA.arrived,
  decided: '2026-04-23T10:00:00.000Z',
} as const;

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

/** docs/shipments.md (a): Chongqing → Duisburg, laptops, to-order bill, AEO shipper and consignee. */
export const billA = (change: Partial<WaybillContent> = {}): BillFacts =>
  facts(ids.waybillA, 'SRX26CQ0001', { ...shipmentA(docsShipmentCast.a), ...change });

/** docs/shipments.md (b): Chongqing → Qinzhou → Singapore, motorcycle parts, no AEO party. */
export const billB = (change: Partial<WaybillContent> = {}): BillFacts =>
  facts(ids.waybillB, 'SRX26CQ0002', { ...shipmentB(docsShipmentCast.b), ...change });

/** docs/shipments.md (d): straight waybill Chongqing → Hamburg, furniture and garments, AEO shipper, unit values. */
export const billD = (change: Partial<WaybillContent> = {}): BillFacts =>
  facts(ids.waybillD, 'SRX26CQ0004', { ...shipmentD(docsShipmentCast.d), ...change });
