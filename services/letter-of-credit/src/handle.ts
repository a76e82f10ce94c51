import { type LcEvent, type LocalDate, localDateIn } from '@railbill/contracts';
import { type Db, notFound, type Parties, Rejected, type Tx } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { canSee } from './domain/access.ts';
import type { Actor, Command } from './domain/commands.ts';
import { decide } from './domain/decide.ts';
import { messagesFor } from './domain/messages/lifecycle.ts';
import { MessageDoesNotFit } from './domain/mt700/format.ts';
import { type Credit, evolve, type State } from './domain/state.ts';
import { directoryOf } from './party-directory.ts';
import { appendMessages, type StoredMessage } from './store/messages.ts';
import { commitCredit, type LoadedCredit, loadCredit } from './store/repository.ts';

export type Handled = Readonly<{
  id: string;
  credit: Credit;
  loaded: LoadedCredit;
  events: readonly LcEvent[];
  at: string;
}>;

/** The clock reading a command is built with: the instant and the LC date it falls on in the service's zone. */
export type Clock = Readonly<{ at: string; today: LocalDate }>;

export type HandleInput = Readonly<{
  creditId: string;
  /** The caller; undefined when the service acts itself (a consumed event, the expiry job): no visibility check. */
  actor: Actor | undefined;
  command: (clock: Clock, loaded: LoadedCredit) => Command | Promise<Command>;
  causationId?: string | undefined;
  traceparent?: string | undefined;
}>;

/** `parties`: for the bank messages the events produce (docs/swift-messages.md); without them none are written. */
export type HandleDeps = Readonly<{ timeZone: string; clock?: () => string; parties?: Parties }>;

const systemClock = () => new Date().toISOString();

/**
 * The only application service (docs/architecture.md §2): load → may the party see it (404 if not) → decide → commit, all in the
 * caller's transaction.
 */
export const handleIn = async (tx: Tx, deps: HandleDeps, input: HandleInput): Promise<Handled> => {
  const at = (deps.clock ?? systemClock)();
  const loaded = await loadCredit(tx, input.creditId);
  if (loaded.version > 0 && input.actor !== undefined && !canSee(input.actor, loaded.state)) throw notFound();
  const command = await input.command({ at, today: localDateIn(at, deps.timeZone) }, loaded);
  if (loaded.version === 0 && command.type !== 'issue') throw notFound();
  const decision = decide(command, loaded.state);
  if (!decision.ok) throw new Rejected(decision.error);
  const next = decision.events.reduce(evolve, loaded.state);
  if (next.status === 'initial') throw new Error('a decided credit cannot be initial');
  const events = decision.events.map((e) => ({
    id: uuidv7(),
    type: e.type,
    data: e.data,
    time: at,
    causationId: input.causationId,
  }));
  const messages = deps.parties === undefined ? [] : bankMessagesOf(loaded.state, events, command.today, deps.parties);
  await commitCredit(tx, { loaded, next, events, traceparent: input.traceparent, at });
  await appendMessages(tx, input.creditId, messages, at);
  return { id: input.creditId, credit: next, loaded, events: decision.events, at };
};

/**
 * The SWIFT messages the new events produce, each after the state it applies to; a field that cannot fit refuses the
 * command (422 naming the field), so no credit exists whose messages cannot be sent.
 */
const bankMessagesOf = (
  before: State,
  events: readonly Readonly<{ id: string; type: LcEvent['type']; data: unknown }>[],
  on: LocalDate,
  parties: Parties,
): StoredMessage[] => {
  const directory = directoryOf(parties);
  let state = before;
  const out: StoredMessage[] = [];
  for (const e of events) {
    const event = { type: e.type, data: e.data } as LcEvent;
    try {
      const produced = messagesFor({
        credit: state.status === 'initial' ? undefined : state,
        event,
        on,
        parties: directory,
      });
      out.push(...produced.map((m) => ({ ...m, eventId: e.id, eventType: e.type })));
    } catch (error) {
      if (error instanceof MessageDoesNotFit)
        throw new Rejected({ kind: 'rule', code: 'message-does-not-fit', detail: error.message });
      throw error;
    }
    state = evolve(state, event);
  }
  return out;
};

export const handle = (db: Db, deps: HandleDeps, input: HandleInput): Promise<Handled> =>
  db.transaction((tx) => handleIn(tx, deps, input));
