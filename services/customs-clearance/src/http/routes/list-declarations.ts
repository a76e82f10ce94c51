import { Id } from '@railbill/contracts';
import { pageQueryShape } from '@railbill/platform';
import { z } from 'zod';
import type { Actor } from '../../domain/commands.ts';
import { listDeclarations as queryDeclarations, type Viewer } from '../../store/queries.ts';
import type { RouteDeps } from '../routes.ts';
import { toView } from '../views.ts';

const ListQuery = z.strictObject({
  waybillId: Id.optional(),
  ...pageQueryShape,
});

/** docs/contract.md §5: operators read all, customs the declarations at (or bound for) its offices, others those they are on. */
const viewerOf = (actor: Actor): Viewer => {
  if (actor.role === 'operator') return { kind: 'all' };
  if (actor.role === 'customs') return { kind: 'offices', offices: actor.offices ?? [] };
  return { kind: 'party', id: actor.id };
};

/** `GET /declarations?waybillId=…` (docs/contract.md §5): the declarations the caller may see, with an opaque cursor. */
export const listDeclarations = (deps: RouteDeps): void =>
  deps.list({
    summary: 'List the declarations the caller may see, optionally of one bill (cursor pagination)',
    query: ListQuery,
    page: (db, q, { caller, after, limit }) =>
      queryDeclarations(db, { viewer: viewerOf(caller), waybillId: q.waybillId, after, limit }),
    view: (i) => toView(i.id, i.state),
  });
