import { accept, type Decider, reject } from '@railbill/contracts';
import { freshDatabase } from '@railbill/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Rejected } from '../errors.ts';
import { createDb, createPool, type Db } from '../store/db.ts';
import { loadEvents } from '../store/event-store.ts';
import { type CommandHandler, commandHandler } from './command-handler.ts';
import { documentStore, type StoredDocument } from './document-store.ts';

// A tally: the smallest document that has every step of the pipeline — a creating command, a refusal, visibility by
// owner, a follow-up act and a view — so the platform's handler is tested apart from any service's rules.
type Tally = Readonly<{ status: 'initial' } | { status: 'open' | 'closed'; owner: string; count: number }>;
type Open = Extract<Tally, { status: 'open' | 'closed' }>;
type Command = Readonly<
  { type: 'open'; owner: string } | { type: 'add'; by: string; n: number } | { type: 'close'; by: string }
>;
type Event = Readonly<
  | { type: 'tally.opened'; data: { owner: string } }
  | { type: 'tally.added'; data: { n: number } }
  | { type: 'tally.closed'; data: Record<string, never> }
>;

const evolve = (s: Tally, e: Event): Tally => {
  if (e.type === 'tally.opened') return { status: 'open', owner: e.data.owner, count: 0 };
  if (s.status === 'initial') return s;
  return e.type === 'tally.added' ? { ...s, count: s.count + e.data.n } : { ...s, status: 'closed' };
};

const decider: Decider<Tally, Command, Event> = {
  initialState: { status: 'initial' },
  evolve,
  decide: (c, s) => {
    if (c.type === 'open') return accept({ type: 'tally.opened', data: { owner: c.owner } });
    if (s.status === 'initial') return reject('not_found', 'no-tally', 'no such tally');
    if (s.status === 'closed') return reject('conflict', 'closed', 'the tally is closed');
    if (c.type === 'close') return accept({ type: 'tally.closed', data: {} });
    return c.n > 0 ? accept({ type: 'tally.added', data: { n: c.n } }) : reject('rule', 'not-positive', 'add more');
  },
};

const store = documentStore<Tally, Open, Command, Event>({
  kind: 'tally',
  topic: 'test.tallies.v1',
  source: '/test/tally',
  initialState: decider.initialState,
});

const decided = (s: Tally): Open => {
  if (s.status === 'initial') throw new Error('a decided tally cannot be initial');
  return s;
};

let pool: ReturnType<typeof createPool>;
let db: Db;
beforeAll(async () => {
  pool = createPool(await freshDatabase(inject('databaseUrl'), 'platform'));
  db = createDb(pool);
});
afterAll(async () => {
  await pool.end();
});

/** The handler under test; `follow` closes a tally once it reaches ten, in the same transaction. */
type LoadedTally = StoredDocument<Tally>;
type Facts = Readonly<{ owner: (loaded: LoadedTally) => string | undefined }>;
type View = Readonly<{ id: string; count: number; status: string }>;

const tallies = (clock = () => new Date().toISOString()) => {
  const handler: CommandHandler<Open, Command, Event, LoadedTally, string, Facts, View> = commandHandler(db, {
    decider,
    decided,
    ...store,
    facts: () => ({ owner: (l) => (l.state.status === 'initial' ? undefined : l.state.owner) }),
    canSee: (caller, loaded, facts) => facts.owner(loaded) === caller,
    creates: (c) => c.type === 'open',
    view: (_tx, h) => ({ id: h.id, count: h.state.count, status: h.state.status }),
    follow: async (tx, h) =>
      h.state.status === 'open' && h.state.count >= 10
        ? handler.handleIn(tx, { id: h.id, command: () => ({ type: 'close', by: h.state.owner }) })
        : undefined,
    clock,
  });
  return handler;
};

describe('the command handler', () => {
  it('creates a document under an id it mints, then runs commands on it and answers its view', async () => {
    const h = tallies();
    const opened = await h.handle({ caller: 'ann', command: () => ({ type: 'open', owner: 'ann' }) });
    expect(opened.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.state).toEqual({ status: 'open', owner: 'ann', count: 0 });
    const answer = await db.transaction((tx) =>
      h.answerIn(tx, { id: opened.id, caller: 'ann', command: () => ({ type: 'add', by: 'ann', n: 3 }) }),
    );
    expect(answer.view).toEqual({ id: opened.id, count: 3, status: 'open' });
    expect(await h.read(opened.id, 'ann')).toEqual({ id: opened.id, count: 3, status: 'open' });
    expect((await loadEvents(db, opened.id)).map((e) => e.type)).toEqual(['tally.opened', 'tally.added']);
  });

  it('answers 404 to a caller that may not see the document, and for a missing one unless the command creates it', async () => {
    const h = tallies();
    const { id } = await h.handle({ caller: 'ann', command: () => ({ type: 'open', owner: 'ann' }) });
    const notFound = { error: { kind: 'not_found', code: 'not-found' } };
    await expect(
      h.handle({ id, caller: 'bob', command: () => ({ type: 'add', by: 'bob', n: 1 }) }),
    ).rejects.toMatchObject(notFound);
    await expect(h.read(id, 'bob')).rejects.toMatchObject(notFound);
    await expect(
      h.handle({ id: crypto.randomUUID(), caller: 'ann', command: () => ({ type: 'add', by: 'ann', n: 1 }) }),
    ).rejects.toMatchObject(notFound);
    // the service acting itself (no caller) is not checked
    expect((await h.handle({ id, command: () => ({ type: 'add', by: 'svc', n: 1 }) })).state).toMatchObject({
      count: 1,
    });
  });

  it('turns a refusal into Rejected and writes nothing', async () => {
    const h = tallies();
    const { id } = await h.handle({ caller: 'ann', command: () => ({ type: 'open', owner: 'ann' }) });
    const refused = await h
      .handle({ id, caller: 'ann', command: () => ({ type: 'add', by: 'ann', n: 0 }) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Rejected);
    expect(refused).toMatchObject({ error: { kind: 'rule', code: 'not-positive' } });
    expect(await loadEvents(db, id)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent commands on one version commit; the other is a version conflict', async () => {
    const h = tallies();
    const { id } = await h.handle({ caller: 'ann', command: () => ({ type: 'open', owner: 'ann' }) });
    // both commands are built only once both have loaded version 1: the race is certain, not left to timing
    let loaded = 0;
    let bothLoaded: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => {
      bothLoaded = resolve;
    });
    const results = await Promise.allSettled(
      [1, 2].map((n) =>
        h.handle({
          id,
          caller: 'ann',
          command: async () => {
            loaded += 1;
            if (loaded === 2) bothLoaded();
            await barrier;
            return { type: 'add', by: 'ann', n };
          },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.status === 'rejected' ? failed.reason : undefined).toMatchObject({
      error: { code: 'version-conflict' },
    });
    expect(await loadEvents(db, id)).toHaveLength(2);
  });

  it('runs the follow-up in the same transaction and answers with its result', async () => {
    const at = '2026-12-01T10:00:00.000Z';
    const h = tallies(() => at);
    const { id } = await h.handle({ caller: 'ann', command: () => ({ type: 'open', owner: 'ann' }) });
    const handled = await h.handle({ id, caller: 'ann', command: (ctx) => ({ type: 'add', by: ctx.at, n: 10 }) });
    expect(handled.state).toEqual({ status: 'closed', owner: 'ann', count: 10 });
    const events = await loadEvents(db, id);
    expect(events.map((e) => e.type)).toEqual(['tally.opened', 'tally.added', 'tally.closed']);
    expect(events.every((e) => new Date(e.time).toISOString() === at)).toBe(true);
  });

  it('sends the reads after the commit behind its statement: they see the row it wrote, and reach the view', async () => {
    const reads: { answering: boolean; version: number }[] = [];
    const h = commandHandler(db, {
      decider,
      decided,
      ...store,
      facts: () => undefined,
      canSee: () => true,
      creates: (c) => c.type === 'open',
      // the stored version, read in the same transaction right behind the commit's statement
      afterCommit: async (tx, handled, answering) => {
        const row = await store.load(tx, handled.id);
        reads.push({ answering, version: row.version });
        return row.version;
      },
      view: async (_tx, handled, after) => ({ id: handled.id, storedVersion: await after }),
    });
    const { id } = await h.handle({ command: () => ({ type: 'open', owner: 'ann' }) });
    const { view } = await h.answer({ id, command: () => ({ type: 'add', by: 'ann', n: 1 }) });
    expect(view).toEqual({ id, storedVersion: 2 });
    expect(reads).toEqual([
      { answering: false, version: 1 },
      { answering: true, version: 2 },
    ]);
  });
});
