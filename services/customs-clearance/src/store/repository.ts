import { CUSTOMS_TOPIC, type CustomsEvent, canonicalLocode } from '@railbill/contracts';
import { type DocumentCommit, documentStore, indexRowOf, type StoredDocument } from '@railbill/platform';
import { partiesOf } from '../domain/access.ts';
import type { Command } from '../domain/commands.ts';
import { type Declaration, initialState, type State } from '../domain/state.ts';
import { declarationIndex } from './schema.ts';

const DECLARATION_KIND = 'declaration';
const CUSTOMS_SOURCE = '/railbill/customs-clearance';

export type LoadedDeclaration = StoredDocument<State>;

type DeclarationCommit = DocumentCommit<Declaration, Command, CustomsEvent, LoadedDeclaration>;

/** The declaration's query index row (store/schema.ts), written in the commit's statement. */
const indexRow = (c: DeclarationCommit) =>
  indexRowOf(declarationIndex, 'declarationId', {
    waybillId: c.next.waybillId,
    type: c.next.type,
    office: canonicalLocode(c.next.office),
    destinationOffice: c.next.destinationOffice === undefined ? null : canonicalLocode(c.next.destinationOffice),
    status: c.next.status,
    parties: partiesOf(c.next),
    updatedAt: c.at,
  });

/** The declaration's row, its events, their outbox rows and its index row, in one statement (docs/architecture.md §2). */
export const declarationStore = documentStore<State, Declaration, Command, CustomsEvent>({
  kind: DECLARATION_KIND,
  topic: CUSTOMS_TOPIC,
  source: CUSTOMS_SOURCE,
  initialState,
  // docs/contract.md §6: a declaration's events carry its bill's id as correlation id
  correlationId: (_tx, c) => c.next.waybillId,
  index: indexRow,
});
