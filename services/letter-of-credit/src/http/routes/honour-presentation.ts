import type { App } from '@railbill/platform';
import { z } from 'zod';
import { calendarOf, registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { PresentationParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/** `POST /credits/{id}/presentations/{p}/honour` (docs/contract.md §4, UCP 15): a bank of the credit honours. */
export const honourPresentation = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'presentations/:p/honour',
    summary: 'Honour a complying or waived presentation (issuing or nominated bank)',
    params: PresentationParams,
    body: z.strictObject({}),
    response: PresentationView,
    command: (_body, { at, today, by, credit, deps }, { p }) => ({
      type: 'honour',
      by,
      at,
      today,
      presentationId: p,
      // the honouring bank's own calendar for a maturity date (an operator's write is refused by the domain)
      calendar: calendarOf(deps, credit, by.role === 'bank' ? by.id : undefined),
    }),
    reply: (h, { p }) => presentationOf(h.credit, p),
  });
