import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { PresentationParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/** `POST /credits/{id}/presentations/{p}/pay` (docs/contract.md §4): the issuing bank pays; the bill is then released to the applicant. */
export const payPresentation = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'presentations/:p/pay',
    summary: 'Pay an honoured presentation (issuing bank)',
    params: PresentationParams,
    body: z.strictObject({}),
    response: PresentationView,
    command: (_body, { at, today, by }, { p }) => ({ type: 'pay', by, at, today, presentationId: p }),
    reply: (h, { p }) => presentationOf(h.credit, p),
  });
