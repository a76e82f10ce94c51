import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/surrender` (docs/contract.md §3): the holder gives the bill up, after arrival and import release. */
export const surrenderWaybill = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'surrender',
    summary: 'Surrender a negotiable bill (current holder) after the last leg arrived and import customs released',
    body: z.strictObject({}),
    command: async (_body, { at, by, clearance }) => ({
      type: 'surrender',
      by,
      at,
      importReleased: (await clearance()).import === 'released',
    }),
  });
