import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { AmendmentParams, AmendmentView } from '../schemas.ts';
import { amendmentOf } from '../views.ts';

/** `POST /credits/{id}/amendments/{n}/accept` (docs/contract.md §4, UCP 10): the beneficiary answers; 200 with the amendment. */
export const acceptAmendment = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'amendments/:n/accept',
    summary: 'Accept a proposed amendment (beneficiary)',
    params: AmendmentParams,
    body: z.strictObject({}),
    response: AmendmentView,
    command: (_body, { at, today, by }, { n }) => ({ type: 'acceptAmendment', by, at, today, n }),
    reply: (h, { n }) => amendmentOf(h.credit, n),
  });
