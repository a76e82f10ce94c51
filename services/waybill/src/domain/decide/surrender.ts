import { accept, type Decision, type WaybillEvent } from '@railbill/contracts';
import { entitledProblem, notNegotiable } from '../authority.ts';
import type { Surrender } from '../commands.ts';
import { firstProblem, notIssued, refuse, unless } from '../refuse.ts';
import type { Bill } from '../state.ts';
import { lastLegArrived } from '../transport.ts';

/** docs/title.md: the entitled holder surrenders a bill of lading once the last leg arrived and import customs released. */
export const surrender = (cmd: Surrender, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => notNegotiable(bill),
    () => notIssued(bill, 'cannot be surrendered'),
    () => entitledProblem(cmd.by, bill),
    () => unless(lastLegArrived(bill.legs), 'conflict', 'not-arrived', 'the last leg has not arrived yet'),
    () => unless(cmd.importReleased, 'conflict', 'import-not-released', 'import customs has not released the goods'),
  );
  if (problem !== undefined) return refuse(problem);
  return accept({ type: 'waybill.surrendered', data: { surrenderedBy: cmd.by.id, at: cmd.at } });
};
