import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { isLegCarrier, isNamedCarrier } from '../authority.ts';
import type { RecordMilestone } from '../commands.ts';
import { firstProblem, refuse } from '../refuse.ts';
import { milestoneOrderProblem, milestoneTimeProblem } from '../rules/milestone-order.ts';
import type { Bill } from '../state.ts';

const movements: readonly string[] = ['departed', 'border_crossed', 'transshipped', 'arrived'];

/** docs/contract.md §3: carrier milestones per leg; the first departure waits for export customs release. */
export const recordMilestone = (cmd: RecordMilestone, bill: Bill): Decision<WaybillEvent> => {
  if (!isNamedCarrier(cmd.by, bill) && !isLegCarrier(cmd.by, bill, cmd.leg))
    return reject(
      'forbidden',
      'not-carrier',
      'only the named carrier, or a leg carrier for its leg, records milestones',
    );
  if (bill.status !== 'issued')
    return reject('conflict', 'not-issued', `milestones are recorded on an issued bill, not a ${bill.status} one`);
  const leg = bill.legs.find((l) => l.sequence === cmd.leg);
  if (leg === undefined) return reject('rule', 'unknown-leg', `the bill has no leg ${cmd.leg}`);
  const previous = bill.legs.find((l) => l.sequence === cmd.leg - 1);
  const problem = firstProblem(
    () => milestoneOrderProblem(cmd.event, leg, previous),
    () => milestoneTimeProblem(cmd.at, cmd.now, leg),
  );
  if (problem !== undefined) return refuse(problem);
  const clauses = cmd.clauses ?? [];
  if (clauses.length > 0 && cmd.event !== 'loaded')
    return reject('rule', 'clauses-only-when-loaded', 'the carrier adds clauses at issue or with a loaded milestone');
  // docs/title.md "Instructions": while an accepted stop is in force the goods do not move.
  if (bill.stopped && movements.includes(cmd.event))
    return reject('conflict', 'stopped', `the goods are stopped on the holder's instruction: no ${cmd.event}`);
  // docs/contract.md §3: the first `departed` is refused (409) until export customs has released the goods.
  if (cmd.event === 'departed' && bill.firstDepartureAt === undefined && !cmd.exportReleased)
    return reject('conflict', 'export-not-released', 'export customs has not released the goods');
  return accept({
    type: 'waybill.milestone_recorded',
    data: {
      leg: cmd.leg,
      event: cmd.event,
      at: cmd.at,
      location: cmd.location,
      ...(cmd.name === undefined ? {} : { name: cmd.name }),
      recordedBy: cmd.by.id,
      ...(clauses.length === 0 ? {} : { clauses: [...clauses] }),
    },
  });
};
