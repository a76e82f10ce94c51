import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { isShipper } from '../authority.ts';
import type { Void } from '../commands.ts';
import type { Bill } from '../state.ts';

/** docs/contract.md §3: the shipper cancels a bill before issue. */
export const voidBill = (cmd: Void, bill: Bill): Decision<WaybillEvent> => {
  if (!isShipper(cmd.by, bill)) return reject('forbidden', 'not-shipper', 'only the shipper voids a bill');
  if (bill.status !== 'submitted')
    return reject('conflict', 'already-issued', `a ${bill.status} bill cannot be voided`);
  return accept({
    type: 'waybill.voided',
    data: { voidedBy: cmd.by.id, ...(cmd.reason === undefined ? {} : { reason: cmd.reason }) },
  });
};
