import { accept, type Decision, type WaybillEvent } from '@railbill/contracts';
import { holderProblem, receiverProblem, titleOpenProblem } from '../authority.ts';
import type { Transfer } from '../commands.ts';
import { firstProblem, refuse, unless } from '../refuse.ts';
import type { Bill } from '../state.ts';

/** docs/title.md: any holder hands control on without endorsing; the order party stays. A pledgee cannot. */
export const transfer = (cmd: Transfer, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => titleOpenProblem(bill, 'transferred'),
    () => holderProblem(cmd.by, bill),
    () =>
      unless(
        bill.pledge === null,
        'conflict',
        'pledged',
        'a pledgee can only release the pledge, enforce it or reject it',
      ),
    () => receiverProblem(cmd.to, cmd.toRole, bill),
  );
  if (problem !== undefined) return refuse(problem);
  return accept({
    type: 'waybill.transferred',
    data: {
      from: cmd.by.id,
      to: cmd.to,
      at: cmd.at,
      ...(cmd.causationId === undefined ? {} : { causationId: cmd.causationId }),
    },
  });
};
