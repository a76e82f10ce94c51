import type { Decider } from '@railbill/contracts';
import { v7 as uuidv7 } from 'uuid';
import { notFound, Rejected } from '../errors.ts';
import type { Db, Tx } from '../store/db.ts';
import type { NewEvent } from '../store/event-store.ts';

/** An event about to be stored: its `type` one of the document's. */
export type DraftEvent<E extends Readonly<{ type: string }>> = NewEvent & Readonly<{ type: E['type'] }>;

/** A document as its store loads it: version 0 (and the decider's initial state) when it does not exist yet. */
export type LoadedDocument<S> = Readonly<{ id: string; version: number; state: S; updatedAt: string | null }>;

/** What a decided command commits: the document as loaded, the state after the events, the events to store. */
export type DocumentCommit<N, C, E extends Readonly<{ type: string }>, L> = Readonly<{
  loaded: L;
  next: N;
  command: C;
  /** The events as decided, in the order of `events`. */
  decided: readonly E[];
  events: readonly DraftEvent<E>[];
  traceparent?: string | undefined;
  at: string;
}>;

/** A handled command: the document after it, its new events (as decided, and as stored) and the clock reading. */
export type Handled<N, E extends Readonly<{ type: string }>, L> = Readonly<{
  id: string;
  state: N;
  loaded: L;
  events: readonly E[];
  stored: readonly DraftEvent<E>[];
  at: string;
}>;

/** What a command is built from: the document's id, the clock reading, the document as loaded and the facts. */
export type CommandContext<L, F> = Readonly<{ id: string; at: string; loaded: L; facts: F }>;

export type CommandInput<C, L, Caller, F> = Readonly<{
  /** Omitted for a command that creates a document: the handler mints its id. */
  id?: string | undefined;
  /** The caller, checked against the document (404 if it may not see it); undefined when the service acts itself. */
  caller?: Caller | undefined;
  command: (ctx: CommandContext<L, F>) => C | Promise<C>;
  causationId?: string | undefined;
  traceparent?: string | undefined;
}>;

/** A document's handler, as a service configures it (docs/architecture.md §2 "The path of a command"). */
export type CommandHandlerSpec<
  S,
  N extends S,
  C,
  E extends Readonly<{ type: string }>,
  L extends LoadedDocument<S>,
  Caller,
  F,
  V,
  A = undefined,
> = Readonly<{
  decider: Decider<S, C, E>;
  /** The state after a decision, narrowed to a document that exists (a decided document is never initial). */
  decided: (state: S) => N;
  load: (tx: Tx, id: string) => Promise<L>;
  /**
   * The document row, its events and their outbox rows, in the handler's transaction (`commitEvents`); `behind` is
   * called as soon as the commit's statement is on the connection (`DocumentStore.commit`).
   */
  commit: (tx: Tx, commit: DocumentCommit<N, C, E, L>, behind?: () => void) => Promise<void>;
  /**
   * Reads that follow the commit, sent right behind its statement (one write, one wait; PostgreSQL runs them after
   * it): what `follow` and `view` need that the commit does not write. `answering`: the view will be read.
   */
  afterCommit?: (tx: Tx, handled: Handled<N, E, L>, answering: boolean) => Promise<A>;
  /** Facts from outside the document (projections, the parties file), read lazily in the handler's transaction. */
  facts: (tx: Tx, at: string, loaded: L) => F;
  canSee: (caller: Caller, loaded: L, facts: F) => boolean | Promise<boolean>;
  /** Whether a command may create the document (any other command on a missing document is 404). */
  creates: (command: C) => boolean;
  /** The document as answered over HTTP, read in the same transaction (`after`: `afterCommit`'s reads, if made). */
  view: (tx: Tx, handled: Handled<N, E, L>, after?: Promise<A>) => V | Promise<V>;
  /** Seals the new events (hash chain, signature) where the document has them. */
  seal?: (
    draft: Readonly<{ loaded: L; next: N; events: readonly DraftEvent<E>[] }>,
  ) => Promise<readonly DraftEvent<E>[]>;
  /**
   * Work that follows a commit in the same transaction (e.g. an act that waited for this one); its result answers.
   * `after`: `afterCommit`'s reads, always made when it is given.
   */
  follow?: (tx: Tx, handled: Handled<N, E, L>, after?: Promise<A>) => Promise<Handled<N, E, L> | undefined>;
  clock?: (() => string) | undefined;
}>;

export type CommandHandler<N, C, E extends Readonly<{ type: string }>, L, Caller, F, V> = Readonly<{
  /** The database the handler writes (its transactions; an idempotent creation's). */
  db: Db;
  /** Runs the command in its own transaction. */
  handle: (input: CommandInput<C, L, Caller, F>) => Promise<Handled<N, E, L>>;
  /** Runs the command in the caller's transaction (a consumer's batch, an idempotent creation). */
  handleIn: (tx: Tx, input: CommandInput<C, L, Caller, F>) => Promise<Handled<N, E, L>>;
  /** The document's view for a caller that may see it (404 otherwise), read in one transaction. */
  read: (id: string, caller: Caller) => Promise<V>;
  /** Runs the command and reads its view, in its own transaction (an HTTP action). */
  answer: (input: CommandInput<C, L, Caller, F>) => Promise<Readonly<{ handled: Handled<N, E, L>; view: V }>>;
  /** Runs the command and reads its view, in the caller's transaction (an idempotent creation's). */
  answerIn: (tx: Tx, input: CommandInput<C, L, Caller, F>) => Promise<Readonly<{ handled: Handled<N, E, L>; view: V }>>;
}>;

const systemClock = () => new Date().toISOString();

/**
 * The one command pipeline (docs/architecture.md §2): load → may the caller see it (404) → build the command with the
 * clock and the facts → decide → evolve → seal → commit (document row, events, outbox), with the reads that follow it
 * in the same write → follow-up → view.
 */
export const commandHandler = <
  S,
  N extends S,
  C,
  E extends Readonly<{ type: string; data: unknown }>,
  L extends LoadedDocument<S>,
  Caller,
  F,
  V,
  A = undefined,
>(
  db: Db,
  spec: CommandHandlerSpec<S, N, C, E, L, Caller, F, V, A>,
): CommandHandler<N, C, E, L, Caller, F, V> => {
  const clock = spec.clock ?? systemClock;
  type Ran = Readonly<{ handled: Handled<N, E, L>; after: Promise<A> | undefined }>;
  const run = async (tx: Tx, input: CommandInput<C, L, Caller, F>, answering: boolean): Promise<Ran> => {
    const at = clock();
    const id = input.id ?? uuidv7();
    const loaded = await spec.load(tx, id);
    const facts = spec.facts(tx, at, loaded);
    if (loaded.version > 0 && input.caller !== undefined && !(await spec.canSee(input.caller, loaded, facts)))
      throw notFound();
    const command = await input.command({ id, at, loaded, facts });
    if (loaded.version === 0 && !spec.creates(command)) throw notFound();
    const decision = spec.decider.decide(command, loaded.state);
    if (!decision.ok) throw new Rejected(decision.error);
    const next = spec.decided(decision.events.reduce(spec.decider.evolve, loaded.state));
    const drafted: DraftEvent<E>[] = decision.events.map((e) => ({
      id: uuidv7(),
      type: e.type,
      data: e.data,
      time: at,
      causationId: input.causationId,
    }));
    const stored = spec.seal === undefined ? drafted : await spec.seal({ loaded, next, events: drafted });
    const handled = { id, state: next, loaded, events: decision.events, stored, at };
    let after: Promise<A> | undefined;
    const readAfter = () => {
      if (spec.afterCommit === undefined) return;
      after = spec.afterCommit(tx, handled, answering);
      after.catch(() => undefined); // not awaited when the commit fails and its transaction rolls back
    };
    await spec.commit(
      tx,
      { loaded, next, command, decided: decision.events, events: stored, traceparent: input.traceparent, at },
      readAfter,
    );
    // a store that does not call `behind` gets the reads after its commit instead: `after` is always made
    if (after === undefined) readAfter();
    if (decision.events.length === 0 || spec.follow === undefined) return { handled, after };
    const followed = await spec.follow(tx, handled, after);
    return followed === undefined ? { handled, after } : { handled: followed, after: undefined };
  };
  const handleIn = async (tx: Tx, input: CommandInput<C, L, Caller, F>) => (await run(tx, input, false)).handled;
  const answerIn = async (tx: Tx, input: CommandInput<C, L, Caller, F>) => {
    const { handled, after } = await run(tx, input, true);
    return { handled, view: await spec.view(tx, handled, after) };
  };
  return {
    db,
    handleIn,
    handle: (input) => db.transaction((tx) => handleIn(tx, input)),
    read: (id, caller) =>
      db.transaction(async (tx) => {
        const loaded = await spec.load(tx, id);
        if (loaded.version === 0 || !(await spec.canSee(caller, loaded, spec.facts(tx, clock(), loaded))))
          throw notFound();
        const at = loaded.updatedAt ?? clock();
        return spec.view(tx, { id, state: spec.decided(loaded.state), loaded, events: [], stored: [], at });
      }),
    answer: (input) => db.transaction((tx) => answerIn(tx, input)),
    answerIn,
  };
};
