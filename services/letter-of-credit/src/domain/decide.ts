import { assertNever, type Decider, type Decision, type LcEvent, reject } from '@railbill/contracts';
import { CalendarNotCovered } from './banking-days.ts';
import type { Command } from './commands.ts';
import { advise } from './decide/advise.ts';
import { acceptAmendment, rejectAmendment } from './decide/answer-amendment.ts';
import { close, expire } from './decide/close-and-expire.ts';
import { forward } from './decide/forward.ts';
import { honour } from './decide/honour.ts';
import { issue } from './decide/issue.ts';
import { pay } from './decide/pay.ts';
import { examinePending, present } from './decide/present.ts';
import { proposeAmendment } from './decide/propose-amendment.ts';
import { refuse } from './decide/refuse.ts';
import { waive } from './decide/waive.ts';
import { evolve, initialState, type State } from './state.ts';

/**
 * The credit's Decider: one small function per command. A date beyond the banking calendar's last year is a
 * business-rule refusal naming the calendar (docs/ucp600.md), never a guessed weekday.
 */
export const decide = (command: Command, state: State): Decision<LcEvent> => {
  try {
    return decideCommand(command, state);
  } catch (error) {
    if (error instanceof CalendarNotCovered) return reject('rule', 'calendar-not-covered', error.message);
    throw error;
  }
};

const decideCommand = (command: Command, state: State): Decision<LcEvent> => {
  switch (command.type) {
    case 'issue':
      return issue(command, state);
    case 'advise':
      return advise(command, state);
    case 'proposeAmendment':
      return proposeAmendment(command, state);
    case 'acceptAmendment':
      return acceptAmendment(command, state);
    case 'rejectAmendment':
      return rejectAmendment(command, state);
    case 'present':
      return present(command, state);
    case 'examinePending':
      return examinePending(command, state);
    case 'waive':
      return waive(command, state);
    case 'honour':
      return honour(command, state);
    case 'refuse':
      return refuse(command, state);
    case 'pay':
      return pay(command, state);
    case 'forward':
      return forward(command, state);
    case 'close':
      return close(command, state);
    case 'expire':
      return expire(command, state);
    default:
      return assertNever(command);
  }
};

/** The credit's Decider (docs/architecture.md §2): what the command handler and the domain tests run. */
export const decider: Decider<State, Command, LcEvent> = { initialState, decide, evolve };
