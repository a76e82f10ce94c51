import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Forward } from '../commands.ts';
import type { State } from '../state.ts';
import { actsAs, creditNumberOf, onCredit, onPresentation, refusal } from './guards.ts';

/**
 * docs/title.md "Banks and title": after honouring, the nominated bank forwards the documents to the issuing bank;
 * the waybill service passes the bill on when it consumes `lc.documents_forwarded`. Payment may come first.
 */
export const forward = (cmd: Forward, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const { nominatedBank, issuingBank } = credit.terms;
    const notNominated = actsAs(cmd.by, [nominatedBank], 'nominated bank');
    if (notNominated !== undefined || nominatedBank === undefined)
      return refusal(
        notNominated ?? { kind: 'forbidden', code: 'not-in-role', detail: 'the credit has no nominated bank' },
      );
    return onPresentation(credit, cmd.presentationId, (presentation) => {
      if (presentation.status !== 'honoured' && presentation.status !== 'paid')
        return reject('conflict', 'not-honoured', `a ${presentation.status} presentation is not forwarded`);
      if (presentation.forwarded === true)
        return reject('conflict', 'already-forwarded', 'the documents were already forwarded');
      return accept({
        type: 'lc.documents_forwarded',
        data: {
          ...creditNumberOf(credit),
          presentationId: presentation.id,
          waybillId: presentation.waybillId,
          from: nominatedBank,
          to: issuingBank,
          by: cmd.by.id,
        },
      });
    });
  });
