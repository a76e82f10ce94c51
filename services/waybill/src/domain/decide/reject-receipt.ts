import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { titleOpenProblem, titleRoles } from '../authority.ts';
import type { RejectReceipt } from '../commands.ts';
import { refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/**
 * docs/title.md "Rejection": the receiver of the last title act refuses it while nothing else happened to the title;
 * holder, order party and pledge go back to what they were before that act.
 */
export const rejectReceipt = (cmd: RejectReceipt, bill: Bill): Decision<WaybillEvent> => {
  const open = titleOpenProblem(bill, 'rejected');
  if (open !== undefined) return refuse(open);
  if (!titleRoles.includes(cmd.by.role))
    return reject('forbidden', 'not-receiver', `a ${cmd.by.role} never receives a bill`);
  const receipt = bill.receipt;
  if (receipt === null || receipt === undefined)
    return reject('conflict', 'nothing-to-reject', 'no title act can be rejected now: another act followed it');
  if (receipt.receiver !== cmd.by.id)
    return reject('conflict', 'not-receiver', 'only the receiver of the last title act may reject it');
  const { holder, orderOf, pledge } = receipt.before;
  if (holder === null) return reject('conflict', 'nothing-to-reject', 'the bill had no holder before that act');
  return accept({
    type: 'waybill.receipt_rejected',
    data: { rejectedBy: cmd.by.id, undone: receipt.kind, reason: cmd.reason, at: cmd.at, holder, orderOf, pledge },
  });
};
