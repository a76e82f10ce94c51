import { PartyId } from '@railbill/contracts';
import type { App } from '@railbill/platform';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `{ to }` for a special endorsement, `{ blank: true }` for a blank one (docs/title.md). */
const EndorseBody = z.union([z.strictObject({ to: PartyId }), z.strictObject({ blank: z.literal(true) })]);

/** `POST /waybills/{id}/endorse` (docs/title.md): the entitled holder endorses a negotiable bill. */
export const endorseWaybill = (app: App, deps: RouteDeps): void =>
  deps.action({
    path: 'endorse',
    summary: 'Endorse a negotiable bill specially ({to}) or in blank ({blank: true}) (entitled holder only)',
    body: EndorseBody,
    command: (body, { at, by }) =>
      'to' in body
        ? { type: 'endorse', by, at, to: body.to, toRole: deps.parties.roleOf(body.to) }
        : { type: 'endorse', by, at, blank: true },
  });
