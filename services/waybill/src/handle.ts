import type { WaybillEvent } from '@railbill/contracts';
import { type Db, notFound, type Party, Rejected, type Tx } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { canSee } from './domain/access.ts';
import type { Command } from './domain/commands.ts';
import { decide } from './domain/decide.ts';
import { type Bill, evolve } from './domain/state.ts';
import type { Sealer } from './history/seal.ts';
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
 * The only application service (STYLE §2): load → may the party see it (404 if not) → decide → seal the hash chain
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
  return { id: input.waybillId, bill: next, loaded, events: decision.events, at: now };
};

export const handle = (db: Db, deps: HandleDeps, input: HandleInput): Promise<Handled> =>
  db.transaction((tx) => handleIn(tx, deps, input));
