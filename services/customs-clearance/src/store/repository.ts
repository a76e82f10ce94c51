import { CUSTOMS_TOPIC, type CustomsEvent, canonicalLocode } from '@railbill/contracts';
import { type DocumentCommit, documentStore, type StoredDocument, type Tx } from '@railbill/platform';
import { partiesOf } from '../domain/access.ts';
import type { Command } from '../domain/commands.ts';
import { type Declaration, initialState, type State } from '../domain/state.ts';
import { declarationIndex } from './schema.ts';

const DECLARATION_KIND = 'declaration';
const CUSTOMS_SOURCE = '/railbill/customs-clearance';

export type LoadedDeclaration = StoredDocument<State>;

type DeclarationCommit = DocumentCommit<Declaration, Command, CustomsEvent, LoadedDeclaration>;

/** The declaration's query index, kept with it. */
const indexDeclaration = async (tx: Tx, c: DeclarationCommit): Promise<void> => {
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

/** The declaration's row, its events and their outbox rows; its query index alongside. */
export const declarationStore = documentStore<State, Declaration, Command, CustomsEvent>({
  kind: DECLARATION_KIND,
  topic: CUSTOMS_TOPIC,
  source: CUSTOMS_SOURCE,
  initialState,
  // docs/contract.md §6: a declaration's events carry its bill's id as correlation id
  correlationId: (_tx, c) => c.next.waybillId,
  alongside: indexDeclaration,
});
