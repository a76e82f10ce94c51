import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Advise } from '../commands.ts';
import type { State } from '../state.ts';
import { actsAs, creditNumberOf, onCredit, refusal } from './guards.ts';

/** UCP 9: the advising bank advises an issued credit once. */
export const advise = (cmd: Advise, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notAdviser = actsAs(cmd.by, [credit.terms.advisingBank], 'advising bank');
    if (notAdviser !== undefined) return refusal(notAdviser);
    if (credit.status !== 'issued')
      return reject('conflict', 'not-issued', `a ${credit.status} credit cannot be advised`);
    return accept({ type: 'lc.advised', data: { ...creditNumberOf(credit), advisedBy: cmd.by.id } });
  });
