import { notFound, type Parties, Rejected, type Tx } from '@railbill/platform';
import { v7 as uuidv7 } from 'uuid';
import { canSee } from './domain/access.ts';
import { type BillFacts, billPartiesOf } from './domain/bill-facts.ts';
import type { Actor, AeoFlags, Command } from './domain/commands.ts';
import { decide } from './domain/decide.ts';
import type { DecideEnv } from './domain/env.ts';
import { type Declaration, evolve } from './domain/state.ts';
import { commitDeclaration, type LoadedDeclaration, loadDeclaration } from './store/repository.ts';

export type Handled = Readonly<{ id: string; declaration: Declaration }>;

export type HandleInput = Readonly<{
  declarationId: string;
  /** The caller over REST; undefined when the service acts on a consumed event (lodging export, opening transit). */
  actor: Actor | undefined;
  /** Builds the command from the clock reading and the declaration as loaded. */
  command: (now: string, loaded: LoadedDeclaration) => Command | Promise<Command>;
  causationId?: string | undefined;
  traceparent?: string | undefined;
  /** The bill's current place of delivery: customs there sees (and discharges) its transit (docs/title.md). */
  billPlaceOfDelivery?: string | undefined;
}>;

/** `env`: the risk rules and tariff loaded once at start (config.ts). */
export type HandleDeps = Readonly<{ env: DecideEnv; clock?: () => string }>;

/** AEO status of the bill's parties, from the parties file (docs/contract.md §2 `aeo`); what lodging commands carry. */
export const aeoFlagsOf = (bill: BillFacts, parties: Parties): AeoFlags =>
  Object.fromEntries(
    [...billPartiesOf(bill), ...(bill.holder === null ? [] : [bill.holder])].map((id) => [
      id,
      parties.byId(id)?.aeo === true,
    ]),
  );

/** The shipper's country in the parties file (docs/contract.md §2 `country`): the goods' default origin. */
export const shipperCountryOf = (bill: BillFacts, parties: Parties): string | undefined =>
  parties.byId(bill.content.shipper)?.country;

const systemClock = () => new Date().toISOString();

const isLodging = (command: Command): boolean =>
  command.type === 'lodgeExport' || command.type === 'openTransit' || command.type === 'lodgeImport';

/**
 * The only application service (docs/architecture.md §2): load → may the caller see it (404 if not) → decide with the configured
 * rules and tariff → commit the events, their outbox rows and the query index, all in the caller's transaction.
 */
export const handleIn = async (tx: Tx, deps: HandleDeps, input: HandleInput): Promise<Handled> => {
  const now = (deps.clock ?? systemClock)();
  const loaded = await loadDeclaration(tx, input.declarationId);
  if (input.actor !== undefined && loaded.version > 0 && !canSee(input.actor, loaded.state, input.billPlaceOfDelivery))
    throw notFound();
  const command = await input.command(now, loaded);
  if (loaded.version === 0 && !isLodging(command)) throw notFound();
  const decision = decide(command, loaded.state, deps.env);
  if (!decision.ok) throw new Rejected(decision.error);
  const next = decision.events.reduce(evolve, loaded.state);
  if (next.status === 'initial') throw new Error('a decided declaration cannot be initial');
  await commitDeclaration(tx, {
    loaded,
    next,
    events: decision.events.map((e) => ({
      id: uuidv7(),
      type: e.type,
      data: e.data,
      time: now,
      causationId: input.causationId,
    })),
    traceparent: input.traceparent,
    at: now,
  });
  return { id: input.declarationId, declaration: next };
};
