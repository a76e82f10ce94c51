import { CreditNumber, PartyId } from '@railbill/contracts';
import { pageQueryShape } from '@railbill/platform';
import { z } from 'zod';
import { listCredits as queryCredits } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { CreditStatus } from '../schemas.ts';
import { toCreditView } from '../views.ts';

const ListQuery = z.strictObject({
  status: CreditStatus.optional(),
  party: PartyId.optional(),
  number: CreditNumber.optional(),
  ...pageQueryShape,
});

/** `GET /credits` (docs/contract.md §8): the credits the caller is named on (operators: all), filtered, with an opaque cursor. */
export const listCredits = (deps: RouteDeps): void =>
  deps.list({
    summary: 'List credits by status, party or number (cursor pagination)',
    query: ListQuery,
    page: (db, q, { visibleTo, after, limit }) =>
      queryCredits(db, { visibleTo, after, limit, status: q.status, party: q.party, number: q.number }),
    view: (i) => (i.state.status === 'initial' ? undefined : toCreditView(i.id, i.state, i)),
  });
