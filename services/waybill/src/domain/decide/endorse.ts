import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { holderProblem, notNegotiable, titleRoles } from '../authority.ts';
import type { Endorse } from '../commands.ts';
import { firstProblem, refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

export const endorse = (cmd: Endorse, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => notNegotiable(bill),
    () =>
      bill.status === 'issued'
        ? undefined
        : { kind: 'conflict', code: 'not-issued', detail: `a ${bill.status} bill cannot be endorsed` },
    () => holderProblem(cmd.by, bill),
  );
  if (problem !== undefined) return refuse(problem);
  if (cmd.to === bill.holder) return reject('rule', 'endorse-to-self', 'the endorsee must differ from the holder');
  if (cmd.toRole === undefined) return reject('rule', 'unknown-party', `${cmd.to} is not a known party`);
  if (!titleRoles.includes(cmd.toRole))
    return reject('rule', 'endorsee-role', `a ${cmd.toRole} cannot hold a bill (only ${titleRoles.join(', ')})`);
  return accept({ type: 'waybill.endorsed', data: { from: cmd.by.id, to: cmd.to, at: cmd.at } });
};
