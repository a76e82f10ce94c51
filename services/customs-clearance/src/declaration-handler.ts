import type { CustomsEvent, DeclarationView, Locode } from '@railbill/contracts';
import { type CommandHandler, commandHandler, type Db, loadProjection, type Parties } from '@railbill/platform';
import { canSee } from './domain/access.ts';
import type { BillFacts } from './domain/bill-facts.ts';
import type { Actor, AeoFlags, Command, SiblingDeclaration } from './domain/commands.ts';
import { customsDecider } from './domain/decide.ts';
import type { DecideEnv } from './domain/env.ts';
import type { Declaration, State } from './domain/state.ts';
import { toView } from './http/views.ts';
import { aeoFlagsOf, shipperCountryOf } from './party-facts.ts';
import { BILLS_PROJECTION, lockBillFacts } from './store/bills.ts';
import { loadSiblings } from './store/queries.ts';
import { declarationStore, type LoadedDeclaration } from './store/repository.ts';

/** What a declaration's command may need from outside it, read in the command's transaction. */
export type DeclarationFacts = Readonly<{
  /** The bill as consumed, locked against the waybill consumer (store/bills.ts). */
  lockedBill: (waybillId: string) => Promise<BillFacts | undefined>;
  /** The bill's current place of delivery: customs there sees (and discharges) its transit (docs/title.md). */
  billPlaceOfDelivery: () => Promise<Locode | undefined>;
  /** The bill's other declarations (store/queries.ts). */
  siblings: (waybillId: string) => Promise<SiblingDeclaration[]>;
  aeo: (bill: BillFacts) => AeoFlags;
  shipperCountry: (bill: BillFacts) => string | undefined;
}>;

export type DeclarationHandler = CommandHandler<
  Declaration,
  Command,
  CustomsEvent,
  LoadedDeclaration,
  Actor,
  DeclarationFacts,
  DeclarationView
>;

/** `env`: the risk rules and tariff loaded once at start (config.ts); the parties file for AEO status and origin. */
export type DeclarationHandlerDeps = Readonly<{ env: DecideEnv; parties: Parties; clock?: (() => string) | undefined }>;

const decided = (state: State): Declaration => {
  if (state.status === 'initial') throw new Error('a decided declaration cannot be initial');
  return state;
};

const isLodging = (command: Command): boolean =>
  command.type === 'lodgeExport' || command.type === 'openTransit' || command.type === 'lodgeImport';

/**
 * The declaration's command handler (docs/architecture.md §2): the platform's pipeline with the declaration's decider
 * (with the configured rules and tariff) and store, which also writes the query index.
 */
export const declarationHandler = (db: Db, deps: DeclarationHandlerDeps): DeclarationHandler =>
  commandHandler(db, {
    decider: customsDecider(deps.env),
    decided,
    ...declarationStore,
    facts: (tx, _at, loaded) => {
      // read once per command: the visibility check and the discharge both ask
      let placeOfDelivery: Promise<Locode | undefined> | undefined;
      return {
        lockedBill: (waybillId) => lockBillFacts(tx, waybillId),
        billPlaceOfDelivery: () => {
          if (loaded.state.status === 'initial') return Promise.resolve(undefined);
          const { waybillId } = loaded.state;
          placeOfDelivery ??= loadProjection<BillFacts>(tx, BILLS_PROJECTION, waybillId).then(
            (bill) => bill?.state.content.placeOfDelivery,
          );
          return placeOfDelivery;
        },
        siblings: (waybillId) => loadSiblings(tx, waybillId),
        aeo: (bill) => aeoFlagsOf(bill, deps.parties),
        shipperCountry: (bill) => shipperCountryOf(bill, deps.parties),
      };
    },
    // customs at the bill's place of delivery is looked up only for a transit no simpler rule lets it see
    canSee: async (actor, { state }, facts) =>
      canSee(actor, state) ||
      (state.status !== 'initial' &&
        state.type === 'transit' &&
        actor.role === 'customs' &&
        canSee(actor, state, await facts.billPlaceOfDelivery())),
    creates: isLodging,
    view: (_tx, handled) => toView(handled.id, handled.state),
    clock: deps.clock,
  });
