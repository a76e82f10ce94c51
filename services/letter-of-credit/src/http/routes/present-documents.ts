import { localDateIn, PresentationRequest } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { defaultPresentedTo, timeZoneOfBank } from '../../store/calendars.ts';
import { carrierFacts } from '../../store/carrier-keys.ts';
import { examinable, loadBillView, lockBill } from '../../store/facts.ts';
import { calendarOf, registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/**
 * `POST /credits/{id}/presentations` (docs/contract.md §4): the beneficiary presents; examined at once from the consumed bill,
 * or, while the consumed bill is not yet examinable (store/facts.ts), once its events arrive (`awaiting_documents`).
 */
export const presentDocuments = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'presentations',
    summary: 'Present documents under the credit (beneficiary); examined automatically under UCP 600',
    params: CreditIdParams,
    body: PresentationRequest,
    response: PresentationView,
    command: async (body, { at, by, credit, tx }) => {
      // serialised with the waybill consumer: the bill is either seen here or this presentation is seen there
      await lockBill(tx, body.waybillId);
      const bill = await loadBillView(tx, body.waybillId);
      const presentedTo = body.presentedTo ?? defaultPresentedTo(credit.terms);
      const examinableBill = examinable(bill, credit) ? bill : undefined;
      // the day of presentation at the place of the bank presented to (UCP 2, 14(b))
      const today = localDateIn(at, timeZoneOfBank(deps.parties.byId(presentedTo), deps.handle.timeZone));
      return {
        type: 'present',
        by,
        at,
        today,
        presentationId: uuidv7(),
        waybillId: body.waybillId,
        presentedTo,
        invoice: body.invoice,
        documents: body.documents,
        bill: examinableBill,
        calendar: calendarOf(deps, credit, presentedTo),
        timeZone: deps.handle.timeZone,
        carrier: await carrierFacts(tx, deps.parties, examinableBill),
      };
    },
    created: (h, params) => `/credits/${params.id}/presentations/${h.credit.presentations.at(-1)?.id ?? ''}`,
    reply: (h) => {
      const last = h.credit.presentations.at(-1);
      if (last === undefined) throw new Error('the presentation is missing from the credit');
      return presentationOf(h.credit, last.id);
    },
  });
