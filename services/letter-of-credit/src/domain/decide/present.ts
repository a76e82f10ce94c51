import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import { decisionDeadline } from '../banking-days.ts';
import type { ExaminePending, Present } from '../commands.ts';
import type { CreditStatus, State } from '../state.ts';
import { examined } from './examination.ts';
import { actsAs, creditNumberOf, onCredit, onPresentation, refusal } from './guards.ts';

/** A new presentation needs an advised credit with none in progress; after a payment, a further drawing. */
const PRESENTABLE: readonly CreditStatus[] = ['advised', 'refused', 'paid'];

/**
 * SPEC §4: the beneficiary presents; examination follows at once when the bill's events were consumed. When they
 * were not yet, only `lc.presented`: the presentation waits for `examinePending` (never a refusal for that race).
 */
export const present = (cmd: Present, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notBeneficiary = actsAs(cmd.by, [credit.terms.beneficiary], 'beneficiary');
    if (notBeneficiary !== undefined) return refusal(notBeneficiary);
    if (credit.presentations.some((p) => p.id === cmd.presentationId))
      return reject('conflict', 'presentation-exists', `presentation ${cmd.presentationId} exists`);
    if (!PRESENTABLE.includes(credit.status))
      return reject('conflict', 'not-presentable', `a ${credit.status} credit takes no presentation`);
    const presentation = {
      id: cmd.presentationId,
      waybillId: cmd.waybillId,
      invoice: cmd.invoice,
      documents: [...cmd.documents],
      presentedOn: cmd.today,
    };
    const presented: LcEvent = {
      type: 'lc.presented',
      data: {
        ...creditNumberOf(credit),
        presentationId: cmd.presentationId,
        waybillId: cmd.waybillId,
        invoice: cmd.invoice,
        documents: [...cmd.documents],
        presentedAt: cmd.at,
        presentedOn: cmd.today,
        decisionDeadline: decisionDeadline(cmd.today, cmd.calendar),
        presentedBy: cmd.by.id,
      },
    };
    const { bill } = cmd;
    return bill === undefined ? accept(presented) : accept(presented, examined(credit, presentation, { ...cmd, bill }));
  });

/** The waybill consumer examines a presentation that waited for its bill. */
export const examinePending = (cmd: ExaminePending, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) =>
    onPresentation(credit, cmd.presentationId, (presentation) => {
      if (presentation.status !== 'awaiting_documents')
        return reject('conflict', 'not-pending', 'the presentation was already examined');
      const { bill } = cmd;
      if (bill === undefined) return reject('conflict', 'bill-unknown', 'the bill has not been consumed yet');
      return accept(examined(credit, presentation, { ...cmd, bill }));
    }),
  );
