import { z } from 'zod';
import type { Bill } from '../../domain/state.ts';
import { ChangesBody } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';

const AmendmentRequestView = z.object({
  n: z.int(),
  status: z.enum(['requested', 'granted', 'rejected']),
  changes: z.record(z.string(), z.unknown()),
});

const createdRequest = (bill: Bill) => {
  const created = bill.amendmentRequests.at(-1);
  if (created === undefined) throw new Error('an accepted amendment request left no request');
  return created;
};

/** `POST /waybills/{id}/amendment-requests` (docs/contract.md §3, §8): the holder of an issued negotiable bill asks the carrier. */
export const requestAmendment = (deps: RouteDeps): void => {
  deps.action({
    path: 'amendment-requests',
    summary: 'Ask the carrier to amend an issued negotiable bill (holder); answered 201 with the request',
    body: z.strictObject({ changes: ChangesBody }),
    response: AmendmentRequestView,
    command: (body, { act }) => ({ type: 'requestAmendment', ...act, changes: body.changes }),
    created: ({ handled }) => `/waybills/${handled.id}/amendment-requests/${createdRequest(handled.state).n}`,
    reply: ({ handled }) => {
      const { n, status, changes } = createdRequest(handled.state);
      return { n, status, changes };
    },
  });
};
