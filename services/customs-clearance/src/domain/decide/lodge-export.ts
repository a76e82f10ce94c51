import { type CustomsEvent, type Decision, reject } from '@railbill/contracts';
import { billPartiesOf } from '../bill-facts.ts';
import type { LodgeExport } from '../commands.ts';
import type { DecideEnv } from '../env.ts';
import { goodsFromBill } from '../goods.ts';
import { lodge, trader } from './lodge.ts';

/** docs/contract.md §5: lodged by the service when the bill is issued, at its place of receipt, from its goods lines. */
export const lodgeExport = (cmd: LodgeExport, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  if (bill.status !== 'issued')
    return reject('conflict', 'bill-not-issued', `an export is lodged for an issued bill, not a ${bill.status} one`);
  const exporter = trader(bill.content.shipper, cmd.aeo);
  return lodge(
    {
      declarationId: cmd.declarationId,
      at: cmd.at,
      lodgedBy: cmd.by,
      type: 'export',
      waybillId: bill.waybillId,
      office: bill.content.placeOfReceipt,
      goods: goodsFromBill(bill, cmd.shipperCountry),
      declarant: exporter,
      exporter,
      billNumber: bill.billNumber,
      billParties: billPartiesOf(bill),
    },
    env,
  );
};
