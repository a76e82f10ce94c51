import { text } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/reject` (docs/title.md "Rejection"): the receiver of the last title act refuses it. */
export const rejectReceiptRoute = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'reject',
    summary: 'Refuse the last title act by which the caller received the bill (its receiver)',
    body: z.strictObject({ reason: text(500) }),
    command: (body, { at, by }) => ({ type: 'rejectReceipt', by, at, reason: body.reason }),
  });
