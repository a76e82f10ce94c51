import { accept, compareDates, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Refuse } from '../commands.ts';
import { decidingBanks } from '../credit-terms.ts';
import type { State } from '../state.ts';
import { bankActsOn, ofPresentation } from './guards.ts';

/**
 * UCP 16(c)/(d): one refusal notice listing every discrepancy and the disposal of the documents, by close of the
 * fifth banking day; later, the bank is precluded from claiming non-compliance (16(f)). A complying presentation
 * must be honoured (art. 15); a refusal is never repeated.
 */
export const refuse = (cmd: Refuse, state: State): Decision<LcEvent> =>
  bankActsOn(
    state,
    cmd,
    { of: (credit) => decidingBanks(credit.terms), role: 'issuing or nominated bank' },
    { from: ['discrepant'], code: 'not-refusable', refused: 'cannot be refused' },
    (credit, presentation) => {
      if (compareDates(cmd.today, presentation.decisionDeadline) > 0)
        return reject('rule', 'decision-deadline-passed', `the deadline was ${presentation.decisionDeadline} (16(f))`);
      const reason = cmd.reason === undefined ? {} : { reason: cmd.reason };
      return accept({
        type: 'lc.refused',
        data: {
          ...ofPresentation(credit, presentation),
          discrepancies: [...presentation.discrepancies],
          ...reason,
          disposal: cmd.disposal,
          by: cmd.by.id,
        },
      });
    },
  );
