import { applyWaybillChanges } from '@railbill/contracts';
import { z } from 'zod';
import { ChangesBody, rolesOfContent } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';

/**
 * `POST /waybills/{id}/amend` (docs/contract.md §3): the fields to change. Granting a holder's amendment request names it in
 * `request` (an issued negotiable bill is amended only that way); an issued bill is re-signed.
 */
export const amendWaybill = (deps: RouteDeps): void =>
  deps.action({
    path: 'amend',
    summary: 'Amend the bill: before issue by shipper or carrier; after issue and before departure by the carrier',
    body: ChangesBody.extend({ request: z.int().min(1).optional() }),
    command: (body, { act, loaded }) => {
      const { request, ...changes } = body;
      const merged = loaded.state.status === 'initial' ? changes : applyWaybillChanges(loaded.state.content, changes);
      return { type: 'amend', ...act, changes, request, roles: rolesOfContent(merged, deps.parties) };
    },
  });
