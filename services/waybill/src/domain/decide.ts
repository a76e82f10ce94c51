import { accept, type Decider, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import type { Command, Submit } from './commands.ts';
import { amend } from './decide/amend.ts';
import { alreadyCaused, forwardToIssuingBank, releaseToApplicant, returnToPresenter } from './decide/bank-title.ts';
import { deliver } from './decide/deliver.ts';
import { endorse } from './decide/endorse.ts';
import { answerInstruction, giveInstruction } from './decide/instructions.ts';
import { issue } from './decide/issue.ts';
import { enforcePledge, pledge, releasePledge } from './decide/pledge.ts';
import { recordMilestone } from './decide/record-milestone.ts';
import { rejectAmendmentRequest } from './decide/reject-amendment-request.ts';
import { rejectReceipt } from './decide/reject-receipt.ts';
import { requestAmendment } from './decide/request-amendment.ts';
import { submit } from './decide/submit.ts';
import { surrender } from './decide/surrender.ts';
import { transfer } from './decide/transfer.ts';
import { voidBill } from './decide/void.ts';
import { type Bill, evolve, initialState, type State } from './state.ts';

type BillCommand = Exclude<Command, Submit>;
type BillCommands = { [C in BillCommand as C['type']]: C };

/**
 * One rule per command on an existing bill, keyed by its type (a new command is one line here; the compiler asks for
 * it, the table being total over the `Command` union).
 */
const rules: { [K in keyof BillCommands]: (command: BillCommands[K], bill: Bill) => Decision<WaybillEvent> } = {
  issue,
  endorse,
  transfer,
  rejectReceipt,
  pledge,
  releasePledge,
  enforcePledge,
  giveInstruction,
  answerInstruction,
  forwardToIssuingBank,
  returnToPresenter,
  recordMilestone,
  amend,
  requestAmendment,
  rejectAmendmentRequest,
  surrender,
  deliver,
  void: voidBill,
  releaseToApplicant,
};

const onBill = <K extends keyof BillCommands>(command: BillCommands[K] & { type: K }, bill: Bill) =>
  rules[command.type](command, bill);

/** The waybill Decider's `decide`: refusals are returned, never thrown (docs/architecture.md §3 Errors). */
export const decide = (command: Command, state: State): Decision<WaybillEvent> => {
  // docs/contract.md §2/§8: operators read everything and change nothing (403).
  if (command.by.role === 'operator') return reject('forbidden', 'read-only', 'operators change nothing');
  if (command.type === 'submit') return submit(command, state);
  // Normally answered by access before decide: a missing bill is not found.
  if (state.status === 'initial') return reject('not_found', 'waybill-not-found', 'no such waybill');
  // A redelivered credit event whose act is already in the chain is a no-op, not a refusal.
  if ('causationId' in command && command.causationId !== undefined && alreadyCaused(command.causationId, state))
    return accept();
  // docs/contract.md §3: accomplished and void are terminal.
  if (state.status === 'accomplished' || state.status === 'void')
    return reject('conflict', `already-${state.status}`, `the bill is ${state.status}`);
  return onBill(command, state);
};

/** The bill's Decider (docs/architecture.md §2): what the command handler and the domain tests run. */
export const decider: Decider<State, Command, WaybillEvent> = { initialState, decide, evolve };
