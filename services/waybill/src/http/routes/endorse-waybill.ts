import { PartyId } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/endorse` (SPEC §3): the current holder passes title on a negotiable bill. */
export const endorseWaybill = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'endorse',
    summary: 'Endorse a negotiable bill to another party (current holder only)',
    body: z.strictObject({ to: PartyId }),
    command: (body, { at, by }) => ({ type: 'endorse', by, at, to: body.to, toRole: deps.parties.roleOf(body.to) }),
  });
