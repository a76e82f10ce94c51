import { readFileSync } from 'node:fs';
import { docsIds, type PartyIds } from '@railbill/testkit';
import type { Member } from './http.ts';

/** The roles the two shipments need (named like the testkit cast, so a test can pass its own parties). */
export const castIds = {
  shipper: docsIds.yunxi,
  shipper2: docsIds.shancheng,
  consignee: docsIds.rheinhafen,
  consignee2: docsIds.kallang,
  carrier: docsIds.silkrail,
  seaCarrier: docsIds.beibu,
  bank: docsIds.rrhb,
  nominatedBank: docsIds.yzcb,
  sgBank: docsIds.smbl,
  customsCn: docsIds.customsCq,
  customsPl: docsIds.customsPl,
  customsDe: docsIds.customsDe,
  customsSg: docsIds.customsSg,
} as const;
export type Role = keyof typeof castIds;
export type Cast = Readonly<Record<Role, Member>>;

/** The cast from a parties file (docs/contract.md §2 shape) by the ids of docs/shipments.md. */
export const loadCast = (file: string): Cast => {
  const parties = JSON.parse(readFileSync(file, 'utf8')) as { id: string; token: string }[];
  return Object.fromEntries(
    Object.entries(castIds).map(([role, id]) => {
      const p = parties.find((x) => x.id === id);
      if (p === undefined) throw new Error(`party ${id} (${role}) is missing from ${file}`);
      return [role, { id: p.id, token: p.token }];
    }),
  ) as Cast;
};

/** The cast as the testkit's fixtures want it (docs/shipments.md builders). */
export const idsOf = (cast: Cast): PartyIds => ({
  id: (member) => {
    const found = (cast as Readonly<Record<string, Member | undefined>>)[member];
    if (found === undefined) throw new Error(`the demo cast has no ${member}`);
    return found.id;
  },
});
