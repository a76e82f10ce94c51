import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { AmendmentParams, AmendmentView } from '../schemas.ts';
import { amendmentOf } from '../views.ts';

/** `POST /credits/{id}/amendments/{n}/reject` (docs/contract.md §4, UCP 10): the beneficiary answers; 200 with the amendment. */
export const rejectAmendment = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'amendments/:n/reject',
    summary: 'Reject a proposed amendment (beneficiary)',
    params: AmendmentParams,
    body: z.strictObject({}),
    response: AmendmentView,
    command: (_body, { at, today, by }, { n }) => ({ type: 'rejectAmendment', by, at, today, n }),
    reply: (h, { n }) => amendmentOf(h.credit, n),
  });
