import {
  accept,
  applyWaybillChanges,
  type Decision,
  type DomainError,
  reject,
  type WaybillChanges,
  type WaybillEvent,
} from '@railbill/contracts';
import { isNamedCarrier, isShipper } from '../authority.ts';
import type { Amend } from '../commands.ts';
import { departed, refuse } from '../refuse.ts';
import { definedChanges, withinRequest } from '../rules/changes.ts';
import { checkContent, immutableFieldProblem, isEmptyChange } from '../rules/content.ts';
import type { Bill } from '../state.ts';

/** docs/contract.md §3: after issue, a negotiable bill is amended only on the holder's open request (docs/title.md). */
type Granted = { ok: true; changes: WaybillChanges } | { ok: false; error: DomainError };
const refused = (kind: DomainError['kind'], code: string, detail: string): Granted => ({
  ok: false,
  error: { kind, code, detail },
});

const grantedChanges = (cmd: Amend, bill: Bill): Granted => {
  if (cmd.request === undefined) return { ok: true, changes: cmd.changes };
  const request = bill.amendmentRequests.find((r) => r.n === cmd.request);
  if (request === undefined) return refused('not_found', 'amendment-request-not-found', `no request ${cmd.request}`);
  if (request.status !== 'requested')
    return refused('conflict', 'amendment-request-closed', `request ${request.n} is ${request.status}`);
  if (request.requestedBy !== bill.holder)
    return refused('conflict', 'not-holder', `request ${request.n} is not from the current holder`);
  if (isEmptyChange(cmd.changes)) return { ok: true, changes: request.changes };
  if (!withinRequest(cmd.changes, request.changes))
    return refused('rule', 'amendment-differs-from-request', `the changes go beyond request ${request.n}`);
  return { ok: true, changes: cmd.changes };
};

const issuedProblem = (cmd: Amend, bill: Bill): DomainError | undefined => {
  if (bill.status !== 'issued')
    return { kind: 'conflict', code: 'not-amendable', detail: `a ${bill.status} bill cannot be amended` };
  if (!isNamedCarrier(cmd.by, bill))
    return { kind: 'conflict', code: 'already-issued', detail: 'once issued, only the carrier amends the bill' };
  if (bill.firstDepartureAt !== undefined) return departed(bill);
  if (bill.content.type === 'bill_of_lading' && cmd.request === undefined)
    return {
      kind: 'conflict',
      code: 'amendment-request-required',
      detail: 'a negotiable bill is amended only on an amendment request of its holder',
    };
  return undefined;
};

export const amend = (cmd: Amend, bill: Bill): Decision<WaybillEvent> => {
  if (!isShipper(cmd.by, bill) && !isNamedCarrier(cmd.by, bill))
    return reject('forbidden', 'not-amending-party', 'only the shipper or the named carrier amends a bill');
  const issued = bill.status !== 'submitted';
  const problem = issued ? issuedProblem(cmd, bill) : undefined;
  if (problem !== undefined) return refuse(problem);
  const granted = grantedChanges(cmd, bill);
  if (!granted.ok) return refuse(granted.error);
  const changes = definedChanges(granted.changes);
  if (isEmptyChange(changes)) return reject('rule', 'no-changes', 'the amendment changes nothing');
  const fixed = immutableFieldProblem(bill.content, changes, issued);
  if (fixed !== undefined) return refuse(fixed);
  const checked = checkContent(applyWaybillChanges(bill.content, changes), cmd.roles);
  if (!checked.ok) return refuse(checked.error);
  return accept({
    type: 'waybill.amended',
    data: {
      changes,
      amendedBy: cmd.by.id,
      ...(cmd.request === undefined ? {} : { request: cmd.request }),
      warnings: checked.warnings,
    },
  });
};
