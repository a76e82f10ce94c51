import { localDateIn, PresentationRequest } from '@railbill/contracts';
import { defaultPresentedTo, timeZoneOfBank } from '../../store/calendars.ts';
import { examinable } from '../../store/facts.ts';
import type { RouteDeps } from '../routes.ts';
import { PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/** The presentation just made: the credit's last. */
const lastPresentation = (credit: Readonly<{ presentations: readonly Readonly<{ id: string }>[] }>) => {
  const last = credit.presentations.at(-1);
  if (last === undefined) throw new Error('the presentation is missing from the credit');
  return last;
};

/**
 * `POST /credits/{id}/presentations` (docs/contract.md §4): the beneficiary presents; examined at once from the consumed bill,
 * or, while the consumed bill is not yet examinable (store/facts.ts), once its events arrive (`awaiting_documents`).
 */
export const presentDocuments = (deps: RouteDeps): void =>
  deps.action({
    path: 'presentations',
    summary: 'Present documents under the credit (beneficiary); examined automatically under UCP 600',
    body: PresentationRequest,
    response: PresentationView,
    command: async (body, { act: { at, by }, credit, lockedBill, carrier, calendar, timeZone, newId }) => {
      const bill = await lockedBill(body.waybillId);
      const presentedTo = body.presentedTo ?? defaultPresentedTo(credit.terms);
      const examinableBill = examinable(bill, credit) ? bill : undefined;
      return {
        type: 'present',
        by,
        at,
        // the day of presentation at the place of the bank presented to (UCP 2, 14(b))
        today: localDateIn(at, timeZoneOfBank(deps.parties.byId(presentedTo), timeZone)),
        presentationId: newId(),
        waybillId: body.waybillId,
        presentedTo,
        invoice: body.invoice,
        documents: body.documents,
        bill: examinableBill,
        calendar: calendar(credit, presentedTo),
        timeZone,
        carrier: await carrier(examinableBill),
      };
    },
    created: ({ handled }, { id }) => `/credits/${id}/presentations/${lastPresentation(handled.state).id}`,
    reply: ({ handled }) => presentationOf(handled.state, lastPresentation(handled.state).id),
  });
