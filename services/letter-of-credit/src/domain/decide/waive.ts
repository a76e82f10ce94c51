import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Waive } from '../commands.ts';
import type { Credit, Presentation, State } from '../state.ts';
import { actsAs, ofPresentation, onCredit, onPresentation, refusal } from './guards.ts';

/**
 * UCP 16(b): the applicant may waive the discrepancies of a discrepant presentation (it does not extend 14(b)); and
 * of a refused one while the issuing bank holds the documents until its waiver (16(c)(iii)(b)) and the beneficiary
 * has not presented again.
 */
export const waive = (cmd: Waive, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notApplicant = actsAs(cmd.by, [credit.terms.applicant], 'applicant');
    if (notApplicant !== undefined) return refusal(notApplicant);
    return onPresentation(credit, cmd.presentationId, (presentation) =>
      presentation.status === 'discrepant' || heldUntilWaiver(credit, presentation)
        ? accept({
            type: 'lc.discrepancies_waived',
            data: { ...ofPresentation(credit, presentation), by: cmd.by.id },
          })
        : reject('conflict', 'not-discrepant', `a ${presentation.status} presentation has no discrepancies to waive`),
    );
  });

const heldUntilWaiver = (credit: Credit, presentation: Presentation): boolean =>
  presentation.status === 'refused' &&
  presentation.disposal === 'holding_until_waiver' &&
  credit.presentations.at(-1)?.id === presentation.id;
