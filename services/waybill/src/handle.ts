import type { WaybillEvent } from '@railbill/contracts';
import { type Db, notFound, type Party, Rejected, type Tx } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { canSee } from './domain/access.ts';
import type { Command } from './domain/commands.ts';
import { RELEASE_WAITS } from './domain/decide/bank-title.ts';
import { decide } from './domain/decide.ts';
import { type Bill, evolve } from './domain/state.ts';
import type { Sealer } from './history/seal.ts';
import { dropPendingRelease, loadPendingRelease, savePendingRelease } from './store/pending-releases.ts';
import { commitBill, type LoadedBill, loadBill } from './store/repository.ts';

export type Handled = Readonly<{
  id: string;
  bill: Bill;
  loaded: LoadedBill;
  events: readonly WaybillEvent[];
  at: string;
}>;

export type HandleInput = Readonly<{
  waybillId: string;
  party: Party;
  /** Builds the command from the clock reading and the current state (e.g. facts from projections). */
  command: (now: string, state: LoadedBill) => Command | Promise<Command>;
  causationId?: string | undefined;
  traceparent?: string | undefined;
}>;

export type HandleDeps = Readonly<{ seal: Sealer; clock?: () => string }>;

const systemClock = () => new Date().toISOString();

/**
 * The only application service (docs/architecture.md §2): load → may the party see it (404 if not) → decide → seal the hash chain
 * → commit, all in the caller's transaction.
 */
export const handleIn = async (tx: Tx, deps: HandleDeps, input: HandleInput): Promise<Handled> => {
  const now = (deps.clock ?? systemClock)();
  const loaded = await loadBill(tx, input.waybillId);
  const actor = { id: input.party.id, role: input.party.role };
  if (loaded.version > 0 && !canSee(actor, loaded.state)) throw notFound();
  const command = await input.command(now, loaded);
  if (loaded.version === 0 && command.type !== 'submit') throw notFound();
  const decision = decide(command, loaded.state);
  if (!decision.ok) throw new Rejected(decision.error);
  const next = decision.events.reduce(evolve, loaded.state);
  if (next.status === 'initial') throw new Error('a decided bill cannot be initial');
  const events = await deps.seal({
    waybillId: input.waybillId,
    loaded,
    next,
    events: decision.events.map((e) => ({
      id: uuidv7(),
      type: e.type,
      data: e.data,
      time: now,
      causationId: input.causationId,
    })),
  });
  await commitBill(tx, { loaded, next, events, traceparent: input.traceparent, at: now });
  const handled = { id: input.waybillId, bill: next, loaded, events: decision.events, at: now };
  if (decision.events.length === 0) return handled;
  return (await settlePendingRelease(tx, deps, handled)) ?? handled;
};

/**
 * docs/title.md "Banks and title": a release on payment that waited is carried out, in the same transaction, by the
 * first act after which a bank of the credit is the bill's entitled holder. Answers the bill after it, if it happened.
 */
const settlePendingRelease = async (tx: Tx, deps: HandleDeps, handled: Handled): Promise<Handled | undefined> => {
  if (handled.bill.status !== 'issued') return undefined;
  const pending = await loadPendingRelease(tx, handled.id);
  const holder = handled.bill.holder;
  if (pending === undefined || holder === undefined) return undefined;
  await dropPendingRelease(tx, handled.id);
  try {
    // the release is the act of the bank that holds the bill (it is on the bill, whoever paid)
    return await handleIn(tx, deps, {
      waybillId: handled.id,
      party: { id: holder, name: holder, role: 'bank' },
      causationId: pending.causationId,
      command: (at) => ({
        type: 'releaseToApplicant',
        by: { id: holder, role: 'bank' },
        at,
        banks: pending.banks,
        applicant: pending.applicant,
        causationId: pending.causationId,
      }),
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    // still no bank of the credit entitled: keep waiting; any other refusal (e.g. the bill left the banks) ends it
    if (error.error.code === RELEASE_WAITS) await savePendingRelease(tx, handled.id, pending);
    return undefined;
  }
};

export const handle = (db: Db, deps: HandleDeps, input: HandleInput): Promise<Handled> =>
  db.transaction((tx) => handleIn(tx, deps, input));
