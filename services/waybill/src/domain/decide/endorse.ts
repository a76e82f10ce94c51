import { accept, type Decision, type WaybillEvent } from '@railbill/contracts';
import { entitledProblem, receiverProblem, titleOpenProblem } from '../authority.ts';
import type { Endorse } from '../commands.ts';
import { firstProblem, refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/**
 * docs/title.md: the entitled holder endorses. A special endorsement makes `to` the order party and the holder; a
 * blank one makes the bill a bearer bill and leaves it with its holder.
 */
export const endorse = (cmd: Endorse, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => titleOpenProblem(bill, 'endorsed'),
    () => entitledProblem(cmd.by, bill),
    () =>
      cmd.blank === true || cmd.to === undefined
        ? bill.orderOf === null
          ? { kind: 'conflict', code: 'already-bearer', detail: 'the bill is already endorsed in blank' }
          : undefined
        : receiverProblem(cmd.to, cmd.toRole, bill),
  );
  if (problem !== undefined) return refuse(problem);
  if (cmd.blank === true || cmd.to === undefined)
    return accept({ type: 'waybill.endorsed', data: { from: cmd.by.id, to: cmd.by.id, at: cmd.at, blank: true } });
  return accept({ type: 'waybill.endorsed', data: { from: cmd.by.id, to: cmd.to, at: cmd.at } });
};
