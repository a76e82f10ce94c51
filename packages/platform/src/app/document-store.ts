import type { Executor, Tx } from '../store/db.ts';
import { commitEvents, type IndexRow, loadDocument } from '../store/event-store.ts';
import type { DocumentCommit } from './command-handler.ts';

/** A document as loaded from the `documents` table: version 0 and the initial state when it does not exist yet. */
export type StoredDocument<S> = Readonly<{
  id: string;
  state: S;
  version: number;
  /** The hash of its last event, where the document chains them (the next entry's `prevHash`). */
  lastHash: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}>;

/** Where a document's events go and what else its commit writes (docs/architecture.md §2). */
export type DocumentStoreSpec<S, N, C, E extends Readonly<{ type: string }>> = Readonly<{
  kind: string;
  topic: string;
  /** The CloudEvents `source` of the owning service. */
  source: string;
  initialState: S;
  /** The events' correlation id (docs/contract.md §6); the document's id when not given. */
  correlationId?: (tx: Tx, commit: DocumentCommit<N, C, E, StoredDocument<S>>) => string | Promise<string>;
  /** The service's query-index row, written in the same statement as the document. */
  index?: (commit: DocumentCommit<N, C, E, StoredDocument<S>>) => IndexRow;
  /** The service's own tables kept with the document, in the same transaction. */
  alongside?: (tx: Tx, commit: DocumentCommit<N, C, E, StoredDocument<S>>) => Promise<void>;
}>;

export type DocumentStore<S, N, C, E extends Readonly<{ type: string }>> = Readonly<{
  load: (db: Executor, id: string) => Promise<StoredDocument<S>>;
  /** `behind`: called once the commit's statement is on the connection (`commitEvents`), before `alongside`. */
  commit: (tx: Tx, commit: DocumentCommit<N, C, E, StoredDocument<S>>, behind?: () => void) => Promise<void>;
}>;

/**
 * A document kept as a cached row beside its events (the event rows are the truth): loads it, and commits the row
 * (version-guarded), its events, their outbox rows and the index row in one statement (`commitEvents`).
 */
export const documentStore = <S, N extends Readonly<{ status: string }>, C, E extends Readonly<{ type: string }>>(
  spec: DocumentStoreSpec<S, N, C, E>,
): DocumentStore<S, N, C, E> => ({
  load: async (db, id) => {
    const row = await loadDocument(db, id);
    if (row === undefined)
      return { id, state: spec.initialState, version: 0, lastHash: null, createdAt: null, updatedAt: null };
    // the row was written from this document's state (jsonb): what was stored is what is read
    const state = row.state as S;
    return {
      id,
      state,
      version: row.version,
      lastHash: row.lastHash,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  },
  commit: async (tx, c, behind) => {
    await commitEvents(
      tx,
      {
        documentId: c.loaded.id,
        kind: spec.kind,
        expectedVersion: c.loaded.version,
        status: c.next.status,
        state: c.next,
        correlationId: spec.correlationId === undefined ? c.loaded.id : await spec.correlationId(tx, c),
        events: c.events,
        topic: spec.topic,
        source: spec.source,
        traceparent: c.traceparent,
        at: c.at,
        index: spec.index?.(c),
      },
      behind,
    );
    await spec.alongside?.(tx, c);
  },
});
