import { PartyId, text } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/**
 * docs/title.md "Pledge": `POST /waybills/{id}/pledge` (entitled holder, to a bank), `…/pledge/release` and
 * `…/pledge/enforce` (the pledgee).
 */
export const pledgeRoutes = (app: App, deps: RouteDeps): void => {
  deps.action({
    path: 'pledge',
    summary: 'Pledge the bill to a bank as security (entitled holder)',
    body: z.strictObject({ to: PartyId }),
    command: (body, { at, by }) => ({ type: 'pledge', by, at, to: body.to, toRole: deps.parties.roleOf(body.to) }),
  });
  deps.action({
    path: 'pledge/release',
    summary: 'Release the pledge: control returns to the pledgor (pledgee)',
    body: z.strictObject({}),
    command: (_body, { at, by }) => ({ type: 'releasePledge', by, at }),
  });
  deps.action({
    path: 'pledge/enforce',
    summary: "Enforce the pledge on the pledgor's default: the pledgee takes title (pledgee)",
    body: z.strictObject({ reason: text(500) }),
    command: (body, { at, by }) => ({ type: 'enforcePledge', by, at, reason: body.reason }),
  });
};
