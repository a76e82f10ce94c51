import { type App, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { handle } from '../../handle.ts';
import { ChangesBody } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillIdParams } from '../schemas.ts';

const AmendmentRequestView = z.object({
  n: z.int(),
  status: z.enum(['requested', 'granted', 'rejected']),
  changes: z.record(z.string(), z.unknown()),
});

/** `POST /waybills/{id}/amendment-requests` (docs/contract.md §3, §8): the holder of an issued negotiable bill asks the carrier. */
export const requestAmendment = (app: App, deps: RouteDeps): void => {
  app.post(
    '/waybills/:id/amendment-requests',
    {
      schema: {
        summary: 'Ask the carrier to amend an issued negotiable bill (holder); answered 201 with the request',
        tags: ['waybills'],
        params: WaybillIdParams,
        body: z.strictObject({ changes: ChangesBody }),
        response: { 201: AmendmentRequestView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const handled = await handle(deps.db, deps.handle, {
        waybillId: request.params.id,
        party,
        command: (at) => ({
          type: 'requestAmendment',
          by: { id: party.id, role: party.role },
          at,
          changes: request.body.changes,
        }),
      });
      const created = handled.bill.amendmentRequests.at(-1);
      if (created === undefined) throw new Error('an accepted amendment request left no request');
      return reply
        .code(201)
        .header('location', `/waybills/${handled.id}/amendment-requests/${created.n}`)
        .send({ n: created.n, status: created.status, changes: created.changes });
    },
  );
};
