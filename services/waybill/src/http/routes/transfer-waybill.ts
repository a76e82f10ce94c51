import { PartyId } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/transfer` (docs/title.md): the holder hands control on without endorsing. */
export const transferWaybill = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'transfer',
    summary: 'Transfer control of a negotiable bill without endorsing it (holder)',
    body: z.strictObject({ to: PartyId }),
    command: (body, { at, by }) => ({ type: 'transfer', by, at, to: body.to, toRole: deps.parties.roleOf(body.to) }),
  });
