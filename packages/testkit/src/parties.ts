import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PartyRecord } from '@railbill/platform';

/**
 * The cast of the sample shipments (docs/shipments.md "Parties") with fresh ids and tokens per test, so no
 * test depends on the seed file (docs/contract.md §2).
 */
const cast = {
  shipper: { name: 'Yunxi Smart Devices (Chongqing) Co., Ltd.', role: 'shipper', aeo: true, country: 'CN' },
  shipper2: { name: 'Shancheng Moto Components Co., Ltd., Chongqing', role: 'shipper', aeo: false, country: 'CN' },
  consignee: { name: 'Rheinhafen Computer Handels GmbH, Duisburg', role: 'consignee', aeo: true, country: 'DE' },
  consignee2: { name: 'Kallang Two-Wheel Supplies Pte. Ltd., Singapore', role: 'consignee', aeo: false, country: 'SG' },
  carrier: { name: 'Silkrail Multimodal (Chongqing) Co., Ltd.', role: 'carrier', country: 'CN' },
  seaCarrier: { name: 'Beibu Ocean Line Co., Ltd.', role: 'carrier', country: 'CN' },
  bank: { name: 'Rhein-Ruhr Handelsbank AG, Duisburg', role: 'bank', bic: 'RRHBDED0', country: 'DE' },
  nominatedBank: {
    name: 'Yangtze Commerce Bank Co., Ltd., Chongqing Branch',
    role: 'bank',
    bic: 'YZCBCNC0',
    country: 'CN',
  },
  sgBank: { name: 'Straits Merchant Bank Ltd, Singapore', role: 'bank', bic: 'SMBLSGS0', country: 'SG' },
  customsCn: { name: 'Chongqing customs', role: 'customs', offices: ['CNCQI'] },
  customsPl: { name: 'Małaszewicze customs', role: 'customs', offices: ['PLMAA'] },
  customsDe: { name: 'German customs', role: 'customs', offices: ['DEDUI', 'DEHAM'] },
  customsSg: { name: 'Singapore Customs', role: 'customs', offices: ['SGSIN'] },
  operator: { name: 'railbill operations', role: 'operator' },
  stranger: { name: 'Unrelated Trading Ltd', role: 'shipper', aeo: false },
} as const satisfies Record<string, Omit<PartyRecord, 'id' | 'token'>>;

export type CastMember = keyof typeof cast;
export type TestParties = Readonly<{
  file: string;
  records: Record<CastMember, PartyRecord>;
  id: (m: CastMember) => string;
  token: (m: CastMember) => string;
}>;

/** Party ids by cast member: all a fixture needs (the demo maps its own cast to it). */
export type PartyIds = Pick<TestParties, 'id'>;

export const makeParties = (): TestParties => {
  const run = randomBytes(3).toString('hex');
  const records = Object.fromEntries(
    Object.entries(cast).map(([member, p]) => [
      member,
      {
        ...p,
        offices: 'offices' in p ? [...p.offices] : undefined,
        id: `${member}-${run}`,
        token: `tok-${member}-${randomBytes(12).toString('hex')}`,
      },
    ]),
  ) as Record<CastMember, PartyRecord>;
  const dir = mkdtempSync(join(tmpdir(), 'railbill-parties-'));
  const file = join(dir, 'parties.json');
  writeFileSync(
    file,
    JSON.stringify(
      Object.values(records).map((r) => JSON.parse(JSON.stringify(r))),
      null,
      2,
    ),
  );
  return { file, records, id: (m) => records[m].id, token: (m) => records[m].token };
};

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
