import { assertNever, type CustomsEvent, type Decider, type Decision, reject } from '@railbill/contracts';
import { canSee } from './access.ts';
import type { Command } from './commands.ts';
import { discharge } from './decide/discharge.ts';
import { lodgeExport } from './decide/lodge-export.ts';
import { lodgeImport } from './decide/lodge-import.ts';
import { openTransit } from './decide/open-transit.ts';
import { payDuties } from './decide/pay-duties.ts';
import { recordDecision } from './decide/record-decision.ts';
import type { DecideEnv } from './env.ts';
import { evolve, initialState, type State } from './state.ts';

/**
 * The customs Decider's `decide`: refusals are returned, never thrown (docs/architecture.md §3 Errors). Lodging onto an existing
 * declaration id is `conflict/already-lodged`: the caller derives a transit's id from (waybill, leg, station), so a
 * redelivered `border_crossed` opens nothing twice.
 */
export const decide = (command: Command, state: State, env: DecideEnv): Decision<CustomsEvent> => {
  // docs/contract.md §2/§8: operators read everything and change nothing (403).
  if (typeof command.by !== 'string' && command.by.role === 'operator')
    return reject('forbidden', 'read-only', 'operators change nothing');
  switch (command.type) {
    case 'lodgeExport':
    case 'openTransit':
    case 'lodgeImport':
      if (state.status !== 'initial') return reject('conflict', 'already-lodged', 'the declaration was already lodged');
      if (command.type === 'lodgeExport') return lodgeExport(command, env);
      return command.type === 'openTransit' ? openTransit(command, env) : lodgeImport(command, env);
    case 'recordDecision':
    case 'discharge':
    case 'payDuties':
      // docs/contract.md §2: a party that cannot see the declaration learns nothing of it (normally answered before decide).
      if (
        state.status === 'initial' ||
        !canSee(command.by, state, command.type === 'discharge' ? command.billPlaceOfDelivery : undefined)
      )
        return reject('not_found', 'declaration-not-found', 'no such declaration');
      if (command.type === 'discharge') return discharge(command, state);
      return command.type === 'payDuties' ? payDuties(command, state) : recordDecision(command, state, env);
    default:
      return assertNever(command);
  }
};

/** The Decider triple for the configured rules and tariff. */
export const customsDecider = (env: DecideEnv): Decider<State, Command, CustomsEvent> => ({
  initialState,
  decide: (command, state) => decide(command, state, env),
  evolve,
});
