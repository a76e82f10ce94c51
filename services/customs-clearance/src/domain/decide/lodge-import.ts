import { type CustomsEvent, type Decision, reject } from '@railbill/contracts';
import { billPartiesOf } from '../bill-facts.ts';
import type { LodgeImport } from '../commands.ts';
import type { DecideEnv } from '../env.ts';
import { goodsFromBill, goodsFromRequest } from '../goods.ts';
import { lodge, trader } from './lodge.ts';

/** SPEC §5: the bill's consignee lodges the import at the office it names, by default the place of delivery. */
export const lodgeImport = (cmd: LodgeImport, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  // SPEC §2: a party never learns that a bill it is not on exists.
  if (bill === undefined || !billPartiesOf(bill).includes(cmd.by.id))
    return reject('not_found', 'waybill-not-found', 'no such waybill');
  if (cmd.by.id !== bill.content.consignee)
    return reject('forbidden', 'not-consignee', 'only the consignee of the bill lodges its import');
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
  const importer = trader(bill.content.consignee, cmd.aeo);
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
