import { accept, compareDates, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Refuse } from '../commands.ts';
import { decidingBanks } from '../credit-terms.ts';
import type { State } from '../state.ts';
import { actsAs, creditNumberOf, onCredit, onPresentation, refusal } from './guards.ts';

/**
 * UCP 16(c)/(d): one refusal notice listing every discrepancy and the disposal of the documents, by close of the
 * fifth banking day; later, the bank is precluded from claiming non-compliance (16(f)). A complying presentation
 * must be honoured (art. 15); a refusal is never repeated.
 */
export const refuse = (cmd: Refuse, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notBank = actsAs(cmd.by, decidingBanks(credit.terms), 'issuing or nominated bank');
    if (notBank !== undefined) return refusal(notBank);
    return onPresentation(credit, cmd.presentationId, (presentation) => {
      if (presentation.status !== 'discrepant')
        return reject('conflict', 'not-refusable', `a ${presentation.status} presentation cannot be refused`);
      if (compareDates(cmd.today, presentation.decisionDeadline) > 0)
        return reject('rule', 'decision-deadline-passed', `the deadline was ${presentation.decisionDeadline} (16(f))`);
      const reason = cmd.reason === undefined ? {} : { reason: cmd.reason };
      return accept({
        type: 'lc.refused',
        data: {
          ...creditNumberOf(credit),
          presentationId: presentation.id,
          discrepancies: [...presentation.discrepancies],
          ...reason,
          disposal: cmd.disposal,
          by: cmd.by.id,
        },
      });
    });
  });
