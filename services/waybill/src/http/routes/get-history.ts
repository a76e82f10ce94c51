import { type App, loadEvents, notFound, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import { type HistoryEntry, HistoryEntry as HistoryEntrySchema, verifyHistory } from '../../history/verify-history.ts';
import { loadBill } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { WaybillIdParams } from '../schemas.ts';

const VerifyView = z.object({
  valid: z.boolean(),
  events: z.int(),
  signature: z.object({ valid: z.boolean(), keyId: z.string().nullable() }),
  problems: z.array(z.string()),
});

/** The bill's events in order with their hashes, for a party that can see it (docs/contract.md §3). */
const historyOf = async (deps: RouteDeps, id: string, party: Parameters<typeof canSee>[0]): Promise<HistoryEntry[]> => {
  const loaded = await loadBill(deps.db, id);
  if (!canSee(party, loaded.state)) throw notFound();
  const events = await loadEvents(deps.db, id);
  return events.map((e) => ({
    sequence: e.sequence,
    type: e.type,
    time: e.time,
    data: e.data,
    hash: e.hash ?? '',
    prevHash: e.prevHash,
    ...(e.signature === null ? {} : { signature: e.signature }),
  }));
};

/** `GET /waybills/{id}/history` and `/verify` (docs/contract.md §3, §8): the hash chain and the carrier's signatures. */
export const getHistory = (app: App, deps: RouteDeps): void => {
  app.get(
    '/waybills/:id/history',
    {
      schema: {
        summary: 'Every event of the bill in order, with its hash, previous hash and the carrier signature',
        tags: ['waybills'],
        params: WaybillIdParams,
        response: { 200: z.array(HistoryEntrySchema), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => historyOf(deps, request.params.id, partyOf(request)),
  );
  app.get(
    '/waybills/:id/verify',
    {
      schema: {
        summary: "Recompute the hash chain and check the carrier's signature against the published keys",
        tags: ['waybills'],
        params: WaybillIdParams,
        response: { 200: VerifyView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const history = await historyOf(deps, request.params.id, partyOf(request));
      return verifyHistory(history, await deps.seal.keys.jwks(), request.params.id);
    },
  );
  app.get(
    '/.well-known/jwks.json',
    { config: { public: true }, schema: { summary: "Carriers' public signing keys (RFC 7517)", tags: ['keys'] } },
    async () => deps.seal.keys.jwks(),
  );
};
