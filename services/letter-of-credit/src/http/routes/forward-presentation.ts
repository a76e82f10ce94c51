import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { PresentationParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/** `POST /credits/{id}/presentations/{p}/forward` (docs/title.md): the nominated bank sends the documents on. */
export const forwardPresentation = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'presentations/:p/forward',
    summary: 'Forward the documents of an honoured presentation to the issuing bank (nominated bank)',
    params: PresentationParams,
    body: z.strictObject({}),
    response: PresentationView,
    command: (_body, { at, today, by }, { p }) => ({ type: 'forward', by, at, today, presentationId: p }),
    reply: (h, { p }) => presentationOf(h.credit, p),
  });
