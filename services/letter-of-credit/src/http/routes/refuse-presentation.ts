import { RefusalRequest } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';
import { PresentationParams, PresentationView } from '../schemas.ts';
import { presentationOf } from '../views.ts';

/**
 * `POST /credits/{id}/presentations/{p}/refuse` `{ reason?, disposal }` (docs/contract.md §4, UCP 16(c)): one notice listing
 * every discrepancy and what happens to the documents.
 */
export const refusePresentation = (deps: RouteDeps): void =>
  deps.action({
    path: 'presentations/:p/refuse',
    summary: 'Refuse a discrepant presentation (issuing or nominated bank)',
    params: PresentationParams,
    body: RefusalRequest,
    response: PresentationView,
    command: (body, { act }, { p }) => ({
      type: 'refuse',
      ...act,
      presentationId: p,
      reason: body.reason,
      disposal: body.disposal,
    }),
    reply: ({ handled }, { p }) => presentationOf(handled.state, p),
  });
