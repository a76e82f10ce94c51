import { CUSTOMS_TOPIC, canonicalLocode } from '@railbill/contracts';
import { commitEvents, type Executor, loadDocument, type NewEvent, type Tx } from '@railbill/platform';
import { partiesOf } from '../domain/access.ts';
import { type Declaration, initialState, type State } from '../domain/state.ts';
import { declarationIndex } from './schema.ts';

const DECLARATION_KIND = 'declaration';
const CUSTOMS_SOURCE = '/railbill/customs-clearance';

export type LoadedDeclaration = Readonly<{ id: string; state: State; version: number }>;

/** The declaration's cached state and version (0 and `initial` when it does not exist yet). */
export const loadDeclaration = async (db: Executor, id: string): Promise<LoadedDeclaration> => {
  const row = await loadDocument(db, id);
  return row === undefined
    ? { id, state: initialState, version: 0 }
    : { id, state: row.state as State, version: row.version };
};

export type DeclarationCommit = Readonly<{
  loaded: LoadedDeclaration;
  next: Declaration;
  events: readonly NewEvent[];
  traceparent?: string | undefined;
  at: string;
}>;

/** One transaction: the document row (version-guarded), its events, their outbox rows and the query index. */
export const commitDeclaration = async (tx: Tx, c: DeclarationCommit): Promise<void> => {
  await commitEvents(tx, {
    documentId: c.loaded.id,
    kind: DECLARATION_KIND,
    expectedVersion: c.loaded.version,
    status: c.next.status,
    state: c.next,
    // docs/contract.md §6: a declaration's events carry its bill's id as correlation id
    correlationId: c.next.waybillId,
    events: c.events,
    topic: CUSTOMS_TOPIC,
    source: CUSTOMS_SOURCE,
    traceparent: c.traceparent,
    at: c.at,
  });
  const row = {
    waybillId: c.next.waybillId,
    type: c.next.type,
    office: canonicalLocode(c.next.office),
    destinationOffice: c.next.destinationOffice === undefined ? null : canonicalLocode(c.next.destinationOffice),
    status: c.next.status,
    parties: partiesOf(c.next),
  };
  await tx
    .insert(declarationIndex)
    .values({ declarationId: c.loaded.id, ...row, updatedAt: c.at })
    .onConflictDoUpdate({ target: declarationIndex.declarationId, set: { ...row, updatedAt: c.at } });
};
