import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/deliver` (docs/contract.md §3): the carrier delivers; the bill is accomplished. */
export const deliverWaybill = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'deliver',
    summary: 'Deliver the goods (carrier): a bill of lading after surrender; a straight waybill to its consignee',
    body: z.strictObject({}),
    command: async (_body, { at, by, clearance }) => ({
      type: 'deliver',
      by,
      at,
      importReleased: (await clearance()).import === 'released',
    }),
  });
