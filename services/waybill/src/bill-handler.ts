import type { WaybillEvent } from '@railbill/contracts';
import {
  type CommandHandler,
  commandHandler,
  type Db,
  type Handled,
  type Party,
  Rejected,
  type Tx,
} from '@railbill/platform';
import { canSee } from './domain/access.ts';
import type { Actor, Command } from './domain/commands.ts';
import { RELEASE_WAITS } from './domain/decide/bank-title.ts';
import { decider } from './domain/decide.ts';
import type { Bill, State } from './domain/state.ts';
import type { Sealer } from './history/seal.ts';
import type { WaybillView } from './http/schemas.ts';
import { viewOfHandled } from './http/views.ts';
import { type Clearance, loadBillFacts, loadClearance, nextBillNumber, type OtherDocuments } from './store/facts.ts';
import {
  dropPendingRelease,
  loadPendingRelease,
  type PendingRelease,
  savePendingRelease,
} from './store/pending-releases.ts';
import { billStore, type LoadedBill } from './store/repository.ts';

/** What a bill's command may need from outside the bill, read in the command's transaction. */
export type BillFacts = Readonly<{
  clearance: () => Promise<Clearance>;
  /** The next number in the carrier's own scheme (docs/contract.md §3). */
  nextBillNumber: (carrier: string) => Promise<string>;
}>;

export type BillHandler = CommandHandler<Bill, Command, WaybillEvent, LoadedBill, Party, BillFacts, WaybillView>;
export type HandledBill = Handled<Bill, WaybillEvent, LoadedBill>;

export type BillHandlerDeps = Readonly<{ db: Db; seal: Sealer; clock?: () => string }>;

/**
 * The reads that follow a bill's commit, sent right behind its statement (the handler's `afterCommit`): the other
 * documents' status the answer shows, which the commit does not write, and, for a bill left issued, a release
 * waiting for it.
 */
type AfterCommit = Readonly<{
  facts: OtherDocuments | undefined;
  pending: PendingRelease | undefined;
}>;

const decided = (state: State): Bill => {
  if (state.status === 'initial') throw new Error('a decided bill cannot be initial');
  return state;
};

/**
 * The bill's command handler (docs/architecture.md §2): the platform's pipeline with the bill's decider, store, hash
 * chain and carrier signature, and the release on payment that waited for this act (docs/title.md "Banks and title").
 */
export const billHandler = (deps: BillHandlerDeps): BillHandler => {
  const handler: BillHandler = commandHandler(deps.db, {
    decider,
    decided,
    ...billStore,
    afterCommit: async (tx, handled, answering): Promise<AfterCommit> => {
      const [facts, pending] = await Promise.all([
        answering ? loadBillFacts(tx, handled.id, handled.state) : undefined,
        // what `follow` reads: it runs only after an act with events
        handled.events.length > 0 && handled.state.status === 'issued' ? loadPendingRelease(tx, handled.id) : undefined,
      ]);
      return { facts, pending };
    },
    facts: (tx, at, loaded) => ({
      clearance: () => loadClearance(tx, loaded.id),
      nextBillNumber: (carrier) => nextBillNumber(tx, carrier, at),
    }),
    canSee: (party, loaded) => canSee(party, loaded.state),
    creates: (command) => command.type === 'submit',
    seal: ({ loaded, next, events }) => deps.seal({ waybillId: loaded.id, loaded, next, events }),
    follow: (tx, handled, after) => settlePendingRelease(tx, handler, handled, after),
    view: async (tx, handled, after) =>
      viewOfHandled(handled, (await after)?.facts ?? (await loadBillFacts(tx, handled.id, handled.state))),
    clock: deps.clock,
  });
  return handler;
};

/**
 * A title act a bank does on the bill because of a credit's event (docs/title.md "Banks and title"): the forward to the
 * issuing bank, the return to the presenter, the release to the applicant; in the caller's transaction.
 */
export const actAsBank = (
  tx: Tx,
  handler: BillHandler,
  a: Readonly<{ waybillId: string; bank: string; causationId: string; command: (by: Actor, at: string) => Command }>,
): Promise<HandledBill> =>
  handler.handleIn(tx, {
    id: a.waybillId,
    caller: { id: a.bank, name: a.bank, role: 'bank' },
    causationId: a.causationId,
    command: ({ at }) => a.command({ id: a.bank, role: 'bank' }, at),
  });

/** `lc.paid`: the release of the bill to the applicant, by the bank that holds it. */
export const releaseOnPayment = (
  tx: Tx,
  handler: BillHandler,
  r: Readonly<{ waybillId: string; holder: string; banks: readonly string[]; applicant: string; causationId: string }>,
): Promise<HandledBill> =>
  actAsBank(tx, handler, {
    waybillId: r.waybillId,
    bank: r.holder,
    causationId: r.causationId,
    command: (by, at) => ({
      type: 'releaseToApplicant',
      by,
      at,
      banks: r.banks,
      applicant: r.applicant,
      causationId: r.causationId,
    }),
  });

/**
 * docs/title.md "Banks and title": a release on payment that waited is carried out, in the same transaction, by the
 * first act after which a bank of the credit is the bill's entitled holder. Answers the bill after it, if it happened.
 */
const settlePendingRelease = async (
  tx: Tx,
  handler: BillHandler,
  handled: HandledBill,
  after: Promise<AfterCommit> | undefined,
): Promise<HandledBill | undefined> => {
  if (handled.state.status !== 'issued') return undefined;
  // read behind the commit (`afterCommit`, always made), after the bill's row was written and locked (pending-releases.ts)
  const pending = (await after)?.pending;
  const holder = handled.state.holder;
  if (pending === undefined || holder === undefined) return undefined;
  await dropPendingRelease(tx, handled.id);
  try {
    // the release is the act of the bank that holds the bill (it is on the bill, whoever paid)
    return await releaseOnPayment(tx, handler, { ...pending, waybillId: handled.id, holder });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    // still no bank of the credit entitled: keep waiting; any other refusal (e.g. the bill left the banks) ends it
    if (error.error.code === RELEASE_WAITS) await savePendingRelease(tx, handled.id, pending);
    return undefined;
  }
};
