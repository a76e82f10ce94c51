import { text } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';
import { WaybillIdParams } from '../schemas.ts';

/** `POST /waybills/{id}/amendment-requests/{n}/reject` (docs/contract.md §3): the carrier declines a holder's request. */
export const rejectAmendmentRequest = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'amendment-requests/:n/reject',
    summary: "Reject a holder's amendment request (carrier)",
    params: WaybillIdParams.extend({ n: z.coerce.number().int().min(1) }),
    body: z.strictObject({ reason: text(500, { trim: false }).optional() }),
    command: (body, { at, by }, params) => ({
      type: 'rejectAmendmentRequest',
      by,
      at,
      n: params.n,
      reason: body.reason,
    }),
  });
