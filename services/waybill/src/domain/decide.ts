import { accept, assertNever, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import type { Command, Submit } from './commands.ts';
import { amend } from './decide/amend.ts';
import { deliver } from './decide/deliver.ts';
import { endorse } from './decide/endorse.ts';
import { alreadyEndorsedOnPayment, endorseOnPayment } from './decide/endorse-on-payment.ts';
import { issue } from './decide/issue.ts';
import { recordMilestone } from './decide/record-milestone.ts';
import { rejectAmendmentRequest } from './decide/reject-amendment-request.ts';
import { requestAmendment } from './decide/request-amendment.ts';
import { submit } from './decide/submit.ts';
import { surrender } from './decide/surrender.ts';
import { voidBill } from './decide/void.ts';
import type { Bill, State } from './state.ts';

const onBill = (command: Exclude<Command, Submit>, bill: Bill): Decision<WaybillEvent> => {
  switch (command.type) {
    case 'issue':
      return issue(command, bill);
    case 'endorse':
      return endorse(command, bill);
    case 'recordMilestone':
      return recordMilestone(command, bill);
    case 'amend':
      return amend(command, bill);
    case 'requestAmendment':
      return requestAmendment(command, bill);
    case 'rejectAmendmentRequest':
      return rejectAmendmentRequest(command, bill);
    case 'surrender':
      return surrender(command, bill);
    case 'deliver':
      return deliver(command, bill);
    case 'void':
      return voidBill(command, bill);
    case 'endorseOnPayment':
      return endorseOnPayment(command, bill);
    default:
      return assertNever(command);
  }
};

/** The waybill Decider's `decide`: refusals are returned, never thrown (STYLE §3 Errors). */
export const decide = (command: Command, state: State): Decision<WaybillEvent> => {
  // SPEC §2/§8: operators read everything and change nothing (403).
  if (command.by.role === 'operator') return reject('forbidden', 'read-only', 'operators change nothing');
  if (command.type === 'submit') return submit(command, state);
  // Normally answered by access before decide: a missing bill is not found.
  if (state.status === 'initial') return reject('not_found', 'waybill-not-found', 'no such waybill');
  // A redelivered `lc.paid` after the bill moved on is still a no-op, not a refusal.
  if (command.type === 'endorseOnPayment' && alreadyEndorsedOnPayment(command, state)) return accept();
  // SPEC §3: accomplished and void are terminal.
  if (state.status === 'accomplished' || state.status === 'void')
    return reject('conflict', `already-${state.status}`, `the bill is ${state.status}`);
  return onBill(command, state);
};
