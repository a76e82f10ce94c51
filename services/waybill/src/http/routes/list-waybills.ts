import { Locode, PartyId } from '@railbill/contracts';
import { pageQueryShape } from '@railbill/platform';
import { z } from 'zod';
import { listBills } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { toView } from '../views.ts';

const ListQuery = z.strictObject({
  status: z.enum(['submitted', 'issued', 'surrendered', 'accomplished', 'void']).optional(),
  holder: PartyId.optional(),
  party: PartyId.optional(),
  place: Locode.optional(),
  container: z
    .string()
    .regex(/^[A-Z]{4}\d{7}$/, 'must be a container number such as RBLU1000015')
    .optional(),
  ...pageQueryShape,
});

/** `GET /waybills` (docs/contract.md §3): the bills the caller is on (operators: all), filtered, with an opaque cursor. */
export const listWaybills = (deps: RouteDeps): void =>
  deps.list({
    summary: 'List bills by status, holder, party, place or container number (cursor pagination)',
    query: ListQuery,
    page: (db, q, scope) =>
      listBills(db, {
        ...scope,
        status: q.status,
        holder: q.holder,
        party: q.party,
        place: q.place,
        container: q.container,
      }),
    view: (i) =>
      i.state.status === 'initial'
        ? undefined
        : toView(i.id, i.state, i, { customs: i.customs, creditStatus: i.creditStatus }),
  });
