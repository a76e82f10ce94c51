import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { PresentationParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/** `POST /credits/{id}/presentations/{p}/waive` (docs/contract.md §4, UCP 16(b)): the applicant waives the discrepancies. */
export const waiveDiscrepancies = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'presentations/:p/waive',
    summary: 'Waive the discrepancies of a presentation (applicant)',
    params: PresentationParams,
    body: z.strictObject({}),
    response: PresentationView,
    command: (_body, { at, today, by }, { p }) => ({ type: 'waive', by, at, today, presentationId: p }),
    reply: (h, { p }) => presentationOf(h.credit, p),
  });
