import { accept, type Decision, type LcEvent, reject } from '@railbill/contracts';
import type { Forward } from '../commands.ts';
import type { State } from '../state.ts';
import { bankActsOn, ofPresentation, refusal } from './guards.ts';

/**
 * docs/title.md "Banks and title": after honouring, the nominated bank forwards the documents to the issuing bank;
 * the waybill service passes the bill on when it consumes `lc.documents_forwarded`. Payment may come first.
 */
export const forward = (cmd: Forward, state: State): Decision<LcEvent> =>
  bankActsOn(
    state,
    cmd,
    { of: (credit) => [credit.terms.nominatedBank], role: 'nominated bank' },
    { from: ['honoured', 'paid'], code: 'not-honoured', refused: 'is not forwarded' },
    (credit, presentation) => {
      const { nominatedBank, issuingBank } = credit.terms;
      if (nominatedBank === undefined)
        return refusal({ kind: 'forbidden', code: 'not-in-role', detail: 'the credit has no nominated bank' });
      if (presentation.forwarded === true)
        return reject('conflict', 'already-forwarded', 'the documents were already forwarded');
      return accept({
        type: 'lc.documents_forwarded',
        data: {
          ...ofPresentation(credit, presentation),
          waybillId: presentation.waybillId,
          from: nominatedBank,
          to: issuingBank,
          by: cmd.by.id,
        },
      });
    },
  );
