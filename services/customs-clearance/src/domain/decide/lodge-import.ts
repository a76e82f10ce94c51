import { type CustomsEvent, type Decision, holderIsEntitled, reject } from '@railbill/contracts';
import { billPartiesOf } from '../bill-facts.ts';
import type { LodgeImport } from '../commands.ts';
import type { DecideEnv } from '../env.ts';
import { goodsFromBill, goodsFromRequest } from '../goods.ts';
import { lodge, trader } from './lodge.ts';

/** Roles that may hold a bill of lading, and so may come to be its entitled holder (docs/title.md). */
const holdingRoles: readonly string[] = ['shipper', 'consignee', 'bank'];

/**
 * The importer: the named consignee of a straight waybill, the entitled holder of a negotiable bill at the time —
 * whoever bought the goods in transit (docs/title.md). A party that could hold the bill but is not its entitled holder
 * now gets `conflict` (holding is state); any other role `forbidden`.
 */
const importerProblem = (
  cmd: LodgeImport,
  bill: NonNullable<LodgeImport['bill']>,
): Decision<CustomsEvent> | undefined => {
  if (bill.content.type === 'waybill')
    return cmd.by.id === bill.content.consignee
      ? undefined
      : reject('forbidden', 'not-consignee', 'only the consignee of a straight waybill lodges its import');
  if (bill.holder === cmd.by.id && holderIsEntitled(bill)) return undefined;
  return holdingRoles.includes(cmd.by.role)
    ? reject('conflict', 'not-entitled-holder', 'only the entitled holder of the bill lodges its import')
    : reject('forbidden', 'not-importer', 'only the entitled holder of the bill lodges its import');
};

/** docs/contract.md §5: the importer lodges the import at the office it names, by default the bill's current place of delivery. */
export const lodgeImport = (cmd: LodgeImport, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  // docs/contract.md §2: a party never learns that a bill it is not on (nor holds) exists.
  if (bill === undefined || (!billPartiesOf(bill).includes(cmd.by.id) && bill.holder !== cmd.by.id))
    return reject('not_found', 'waybill-not-found', 'no such waybill');
  const notImporter = importerProblem(cmd, bill);
  if (notImporter !== undefined) return notImporter;
  if (bill.status !== 'issued')
    return reject('conflict', 'bill-not-issued', `an import is lodged for an issued bill, not a ${bill.status} one`);
  if (cmd.siblings.some((s) => s.type === 'import' && s.status !== 'rejected'))
    return reject(
      'conflict',
      'import-already-lodged',
      'the bill already has an import declaration that was not rejected',
    );
  const goods =
    cmd.goods === undefined ? { ok: true as const, goods: goodsFromBill(bill) } : goodsFromRequest(bill, cmd.goods);
  if (!goods.ok) return reject('rule', goods.code, goods.detail);
  const importer = trader(bill.content.type === 'waybill' ? bill.content.consignee : cmd.by.id, cmd.aeo);
  return lodge(
    {
      declarationId: cmd.declarationId,
      at: cmd.at,
      lodgedBy: cmd.by.id,
      type: 'import',
      waybillId: bill.waybillId,
      office: cmd.office ?? bill.content.placeOfDelivery,
      goods: goods.goods,
      declarant: importer,
      // customs.md §3: the exporter's AEO status is quoted on the import under the MRAs.
      exporter: trader(bill.content.shipper, cmd.aeo),
      importer,
      billNumber: bill.billNumber,
      billParties: billPartiesOf(bill),
    },
    env,
  );
};
