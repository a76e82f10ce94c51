import { WaybillSubmission } from '@railbill/contracts';
import {
  type App,
  IdempotencyHeaders,
  partyOf,
  problemResponses,
  requestHash,
  withIdempotency,
} from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { handleIn } from '../../handle.ts';
import { loadBillFacts } from '../../store/facts.ts';
import { rolesOfContent } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillView } from '../schemas.ts';
import { viewOfHandled } from '../views.ts';

/** `POST /waybills` (SPEC §3): the shipper submits; `Idempotency-Key` makes retries safe. */
export const submitWaybill = (app: App, deps: RouteDeps): void => {
  app.post(
    '/waybills',
    {
      schema: {
        summary: 'Submit a waybill or railway bill of lading',
        tags: ['waybills'],
        body: WaybillSubmission,
        headers: IdempotencyHeaders,
        response: { 201: WaybillView, ...problemResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const content = request.body;
      const roles = rolesOfContent(content, deps.parties);
      const run = async (tx: Parameters<Parameters<typeof deps.db.transaction>[0]>[0]) => {
        const handled = await handleIn(tx, deps.handle, {
          waybillId: uuidv7(),
          party,
          traceparent: request.headers.traceparent,
          command: (at, loaded) => ({
            type: 'submit',
            waybillId: loaded.id,
            content,
            roles,
            by: { id: party.id, role: party.role },
            at,
          }),
        });
        return { status: 201, body: viewOfHandled(handled, await loadBillFacts(tx, handled.id, handled.bill)) };
      };
      const key = request.headers['idempotency-key'];
      const result =
        key === undefined
          ? { ...(await deps.db.transaction(run)), replayed: false }
          : await withIdempotency(deps.db, { partyId: party.id, key, requestHash: requestHash(content) }, run);
      const body = result.body as WaybillView;
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).header('location', `/waybills/${body.id}`).send(body);
    },
  );
};
