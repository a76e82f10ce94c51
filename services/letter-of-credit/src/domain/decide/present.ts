import { accept, compareDates, type Decision, type LcEvent, reject } from '@railbill/contracts';
import { decisionDeadline } from '../banking-days.ts';
import type { ExaminePending, Present } from '../commands.ts';
import { banksOfCredit } from '../credit-terms.ts';
import type { CreditStatus, State } from '../state.ts';
import { examined } from './examination.ts';
import { actsAs, creditNumberOf, onCredit, onPresentation, refusal } from './guards.ts';

/** A new presentation needs an advised credit with none in progress; after a payment, a further drawing. */
const PRESENTABLE: readonly CreditStatus[] = ['advised', 'refused', 'paid'];

/**
 * docs/contract.md §4: the beneficiary presents; examination follows at once when the bill's events were consumed. When they
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
    if (!banksOfCredit(credit.terms).includes(cmd.presentedTo))
      return reject(
        'rule',
        'not-a-bank-of-the-credit',
        `${cmd.presentedTo} is not the nominated, confirming or issuing bank of the credit (UCP 6(d)(ii))`,
      );
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
        presentedTo: cmd.presentedTo,
      },
    };
    const { bill } = cmd;
    return bill === undefined ? accept(presented) : accept(presented, examined(credit, presentation, { ...cmd, bill }));
  });

/**
 * The waybill consumer examines a presentation that waited for its bill. A bill still not seen on the fifth banking
 * day (UCP 14(b): the decision is due by its close) was not presented: the job examines it then, DOCUMENT_MISSING
 * (14(a), 15), so the bank can refuse in time and the credit can still expire (docs/ucp600.md).
 */
export const examinePending = (cmd: ExaminePending, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) =>
    onPresentation(credit, cmd.presentationId, (presentation) => {
      if (presentation.status !== 'awaiting_documents')
        return reject('conflict', 'not-pending', 'the presentation was already examined');
      if (cmd.bill === undefined && compareDates(cmd.today, presentation.decisionDeadline) < 0)
        return reject('conflict', 'bill-unknown', 'the bill has not been consumed yet');
      return accept(examined(credit, presentation, cmd));
    }),
  );
