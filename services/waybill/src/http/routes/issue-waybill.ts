import { Clauses } from '@railbill/contracts';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/issue` (docs/contract.md §3): the named carrier issues; its own scheme numbers the bill. */
export const issueWaybill = (deps: RouteDeps): void =>
  deps.action({
    path: 'issue',
    summary:
      'Issue the bill (named carrier): assigns the bill number, the shipper becomes holder; signed by the carrier',
    body: z.strictObject({ clauses: Clauses.optional() }),
    command: async (body, { act, loaded, nextBillNumber }) => ({
      type: 'issue',
      ...act,
      clauses: body.clauses,
      billNumber: await nextBillNumber(loaded.state.status === 'initial' ? act.by.id : loaded.state.content.carrier),
    }),
  });
