import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditIdParams, CreditView } from '../schemas.ts';
import { viewOfHandled } from '../views.ts';

/** `POST /credits/{id}/advise` (docs/contract.md §4): the advising bank advises; answers the credit. */
export const adviseCredit = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'advise',
    summary: 'Advise the credit to the beneficiary (advising bank)',
    params: CreditIdParams,
    body: z.strictObject({}),
    response: CreditView,
    command: (_body, { at, today, by }) => ({ type: 'advise', by, at, today }),
    reply: viewOfHandled,
  });
