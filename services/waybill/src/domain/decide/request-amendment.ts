import { accept, applyWaybillChanges, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { entitledProblem, notNegotiable } from '../authority.ts';
import type { RequestAmendment } from '../commands.ts';
import { departed, firstProblem, notIssued, refuse } from '../refuse.ts';
import { definedChanges } from '../rules/changes.ts';
import { consignmentProblem, immutableFieldProblem, isEmptyChange, legsChainProblem } from '../rules/content.ts';
import type { Bill } from '../state.ts';

/**
 * docs/contract.md §3: the holder of an issued negotiable bill asks the carrier to amend it. The changes are checked now for what
 * needs no party lookup (chaining, fixed fields); party roles are checked when the carrier grants the request.
 */
export const requestAmendment = (cmd: RequestAmendment, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => notNegotiable(bill),
    () => notIssued(bill, 'takes no amendment request'),
    () => entitledProblem(cmd.by, bill),
    () => departed(bill),
  );
  if (problem !== undefined) return refuse(problem);
  const n = bill.amendmentRequests.length + 1;
  if (cmd.n !== undefined && cmd.n !== n)
    return reject('conflict', 'amendment-request-exists', `the next amendment request is number ${n}`);
  const changes = definedChanges(cmd.changes);
  if (isEmptyChange(changes)) return reject('rule', 'no-changes', 'the request changes nothing');
  const amended = applyWaybillChanges(bill.content, changes);
  const invalid = firstProblem(
    () => immutableFieldProblem(bill.content, changes, true),
    () => consignmentProblem(amended),
    () => legsChainProblem(amended),
  );
  if (invalid !== undefined) return refuse(invalid);
  return accept({ type: 'waybill.amendment_requested', data: { n, changes, requestedBy: cmd.by.id } });
};
