import { type LcEvent, type LocalDate, localDateIn } from '@railbill/contracts';
import { type CommandHandler, commandHandler, type Db, type Parties, Rejected } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { canSee } from './domain/access.ts';
import type { BankingCalendar } from './domain/banking-days.ts';
import type { Actor, Command } from './domain/commands.ts';
import { decider } from './domain/decide.ts';
import type { BillView } from './domain/examination/bill-view.ts';
import { messagesFor } from './domain/messages/lifecycle.ts';
import { MessageDoesNotFit } from './domain/mt700/format.ts';
import { type Credit, evolve, type State } from './domain/state.ts';
import type { CreditView } from './http/schemas.ts';
import { viewOfHandled } from './http/views.ts';
import { directoryOf } from './party-directory.ts';
import { examiningCalendar, UnknownCalendar } from './store/calendars.ts';
import { carrierFacts } from './store/carrier-keys.ts';
import { loadBillView, lockBill } from './store/facts.ts';
import { appendMessages, type StoredMessage } from './store/messages.ts';
import { creditStore, type LoadedCredit } from './store/repository.ts';

/** What a credit's command may need from outside the credit, read in the command's transaction. */
export type CreditFacts = Readonly<{
  /** The LC date at the clock reading, in the service's zone. */
  today: LocalDate;
  timeZone: string;
  /** The bill as consumed, locked against the waybill consumer (store/facts.ts). */
  lockedBill: (waybillId: string) => Promise<BillView | undefined>;
  /** The carrier's signature facts of a bill (store/carrier-keys.ts). */
  carrier: (bill: BillView | undefined) => ReturnType<typeof carrierFacts>;
  /** An id for a part of the credit the command creates (a presentation). */
  newId: () => string;
  /** The calendar of the bank presented to (store/calendars.ts); a bank with none is refused, naming it (422). */
  calendar: (credit: Credit, presentedTo?: string) => BankingCalendar;
}>;

export type CreditHandler = CommandHandler<Credit, Command, LcEvent, LoadedCredit, Actor, CreditFacts, CreditView>;

/** The service's zone and clock, and the parties file for the bank messages (docs/swift-messages.md). */
export type CreditHandlerDeps = Readonly<{ timeZone: string; parties: Parties; clock?: (() => string) | undefined }>;

const decided = (state: State): Credit => {
  if (state.status === 'initial') throw new Error('a decided credit cannot be initial');
  return state;
};

/**
 * The credit's command handler (docs/architecture.md §2): the platform's pipeline with the credit's decider and store;
 * the SWIFT messages its events produce are stored in the same transaction.
 */
export const creditHandler = (db: Db, deps: CreditHandlerDeps): CreditHandler =>
  commandHandler(db, {
    decider,
    decided,
    load: creditStore.load,
    commit: async (tx, c) => {
      const messages = bankMessagesOf(c.loaded.state, c.decided, c.events, c.command.today, deps.parties);
      await creditStore.commit(tx, c);
      await appendMessages(tx, c.loaded.id, messages, c.at);
    },
    facts: (tx, at) => ({
      today: localDateIn(at, deps.timeZone),
      timeZone: deps.timeZone,
      lockedBill: async (waybillId) => {
        // serialised with the waybill consumer: the bill is either seen here or this presentation is seen there
        await lockBill(tx, waybillId);
        return loadBillView(tx, waybillId);
      },
      carrier: (bill) => carrierFacts(tx, deps.parties, bill),
      newId: uuidv7,
      calendar: (credit, presentedTo) => {
        try {
          return examiningCalendar(credit.terms, (id) => deps.parties.byId(id), presentedTo);
        } catch (error) {
          if (error instanceof UnknownCalendar)
            throw new Rejected({ kind: 'rule', code: 'calendar-unknown', detail: error.message });
          throw error;
        }
      },
    }),
    canSee: (actor, loaded) => canSee(actor, loaded.state),
    creates: (command) => command.type === 'issue',
    view: (_tx, handled) => viewOfHandled(handled),
    clock: deps.clock,
  });

/**
 * The SWIFT messages the new events produce, each after the state it applies to; a field that cannot fit refuses the
 * command (422 naming the field), so no credit exists whose messages cannot be sent.
 */
const bankMessagesOf = (
  before: State,
  decided: readonly LcEvent[],
  stored: readonly Readonly<{ id: string }>[],
  on: LocalDate,
  parties: Parties,
): StoredMessage[] => {
  const directory = directoryOf(parties);
  let state = before;
  const out: StoredMessage[] = [];
  for (const [i, event] of decided.entries()) {
    const eventId = stored[i]?.id;
    if (eventId === undefined) throw new Error('a decided event was not stored');
    try {
      const produced = messagesFor({
        credit: state.status === 'initial' ? undefined : state,
        event,
        on,
        parties: directory,
      });
      out.push(...produced.map((m) => ({ ...m, eventId, eventType: event.type })));
    } catch (error) {
      if (error instanceof MessageDoesNotFit)
        throw new Rejected({ kind: 'rule', code: 'message-does-not-fit', detail: error.message });
      throw error;
    }
    state = evolve(state, event);
  }
  return out;
};
