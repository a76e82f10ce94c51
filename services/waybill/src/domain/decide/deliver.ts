import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { isNamedCarrier } from '../authority.ts';
import type { Deliver } from '../commands.ts';
import type { Bill } from '../state.ts';
import { lastLegArrived } from '../transport.ts';

const accomplished = (deliveredTo: string, cmd: Deliver): Decision<WaybillEvent> =>
  accept({ type: 'waybill.accomplished', data: { deliveredTo, deliveredBy: cmd.by.id } });

/**
 * docs/contract.md §3: a bill of lading is delivered after its surrender, to the party that surrendered it; a straight waybill
 * needs no surrender and goes to its named consignee once the last leg arrived and import customs released.
 */
export const deliver = (cmd: Deliver, bill: Bill): Decision<WaybillEvent> => {
  if (!isNamedCarrier(cmd.by, bill)) return reject('forbidden', 'not-carrier', 'only the named carrier delivers');
  if (bill.content.type === 'bill_of_lading') {
    if (bill.status !== 'surrendered' || bill.surrenderedBy === undefined)
      return reject('conflict', 'not-surrendered', 'a bill of lading is delivered only against its surrender');
    return accomplished(bill.surrenderedBy, cmd);
  }
  if (bill.status !== 'issued') return reject('conflict', 'not-issued', `a ${bill.status} waybill cannot be delivered`);
  if (!lastLegArrived(bill.legs)) return reject('conflict', 'not-arrived', 'the last leg has not arrived yet');
  if (!cmd.importReleased)
    return reject('conflict', 'import-not-released', 'import customs has not released the goods');
  return accomplished(bill.content.consignee, cmd);
};
