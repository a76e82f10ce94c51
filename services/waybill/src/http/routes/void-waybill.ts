import { text } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/void` (docs/contract.md §3): the shipper cancels a bill before issue. */
export const voidWaybill = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'void',
    summary: 'Void a bill before issue (shipper)',
    body: z.strictObject({ reason: text(500, { trim: false }).optional() }),
    command: (body, { at, by }) => ({ type: 'void', by, at, reason: body.reason }),
  });
