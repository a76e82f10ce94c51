import type { Leg, WaybillContent } from '@railbill/contracts';
import { billA, billB, billD, docsCast, docsShipmentCast } from '@railbill/testkit/domain';
import type { Actor, Roles } from '../commands.ts';

/** The cast of docs/shipments.md (packages/testkit/src/fixtures/cast.ts) and an operator. */
export const parties = {
  ...docsCast,
  operator: { id: 'railbill-ops', role: 'operator' },
} as const satisfies Record<string, Actor>;

/** The parties file as the caller would look roles up in it. */
export const roles: Roles = Object.fromEntries(Object.values(parties).map((p) => [p.id, p.role]));

/** docs/shipments.md (a): Chongqing → Duisburg by China Railway Express, laptops, to order of rrhb. */
export const chongqingDuisburg = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  ...billA(docsShipmentCast.a),
  ...overrides,
});

/** docs/shipments.md (b): Chongqing → Qinzhou (rail) → Singapore (sea), one "rail+" bill to order of smbl. */
export const chongqingQinzhouSingapore = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  ...billB(docsShipmentCast.b),
  ...overrides,
});

const [railLeg, seaLeg] = chongqingQinzhouSingapore().legs;
if (railLeg === undefined || seaLeg === undefined) throw new Error('shipment (b) has a rail and a sea leg');
/** docs/shipments.md (b) leg 1: rail CNCQI → CNQZH, no border. */
export const ilstcRailLeg: Leg = railLeg;
/** docs/shipments.md (b) leg 2: sea CNQZH → SGSIN by beibu-ocean; it starts where leg 1 ends. */
export const ilstcSeaLeg: Leg = seaLeg;

/** docs/shipments.md (d): straight waybill, no LC, Chongqing → Hamburg, furniture and garments. */
export const straightWaybillHamburg = (overrides: Partial<WaybillContent> = {}): WaybillContent => ({
  ...billD(docsShipmentCast.d),
  ...overrides,
});
