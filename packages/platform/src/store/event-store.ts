import { buildEnvelope, CLOUDEVENTS_CONTENT_TYPE, type CloudEvent, headerNames } from '@railbill/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { conflict } from '../errors.ts';
import { assertPublishable } from '../messaging/message-size.ts';
import { context, contextFromHeaders, trace, traceContextHeaders, withSpan } from '../tracing/context.ts';
import type { Executor, Tx } from './db.ts';
import { documentEvents, documents, outbox } from './schema.ts';

/** An event about to be appended; `id` is minted once by the caller and never changes (STYLE §3 Events). */
export type NewEvent = Readonly<{
  id: string;
  type: string;
  time: string;
  data: unknown;
  causationId?: string | undefined;
  hash?: string | undefined;
  prevHash?: string | null | undefined;
  signature?: string | undefined;
  /** The data as published, when it adds to the stored `data` (e.g. the carrier's signature of a hashed entry). */
  envelopeData?: unknown;
}>;

export type StoredEvent = Readonly<{
  sequence: number;
  eventId: string;
  type: string;
  time: string;
  data: unknown;
  correlationId: string;
  causationId: string | null;
  hash: string | null;
  prevHash: string | null;
  signature: string | null;
}>;

export type Commit = Readonly<{
  documentId: string;
  kind: string;
  /** 0 for a new document. The write is guarded by `WHERE version = expectedVersion` (optimistic concurrency). */
  expectedVersion: number;
  status: string;
  state: unknown;
  correlationId: string;
  events: readonly NewEvent[];
  /** Where the events are published; `source` is the CloudEvents source of the service. */
  topic: string;
  source: string;
  /**
   * A fallback W3C `traceparent` for the outbox rows; the active trace context (the request's server span or the
   * consumed event's span) wins, and work with neither starts a trace of its own here.
   */
  traceparent?: string | undefined;
  /** The command's clock reading: the document's `updatedAt` (and `createdAt` when new). */
  at: string;
}>;

export const OUTBOX_CHANNEL = 'railbill_outbox';

/**
 * Writes the document row, its events and their outbox rows in the caller's transaction, then wakes the relay.
 * A lost race on the version throws `Rejected` conflict/version-conflict, which rolls the whole transaction back.
 */
export const commitEvents = (tx: Tx, c: Commit): Promise<readonly CloudEvent[]> =>
  withSpan(
    `commit ${c.kind}`,
    {
      attributes: { 'railbill.document.id': c.documentId, 'railbill.events': c.events.map((e) => e.type) },
      // the active span (request or consumed event) is the parent; else the given traceparent; else a new trace
      parent:
        trace.getActiveSpan() === undefined && c.traceparent !== undefined
          ? contextFromHeaders({ traceparent: c.traceparent })
          : context.active(),
    },
    // the commit's own span (a child of the request's or consumed event's) is the context stored with the rows
    (span) => writeCommit(tx, c, traceContextHeaders(trace.setSpan(context.active(), span)).traceparent ?? null),
  );

const writeCommit = async (tx: Tx, c: Commit, traceContext: string | null): Promise<readonly CloudEvent[]> => {
  const version = c.expectedVersion + c.events.length;
  if (c.expectedVersion === 0) {
    const inserted = await tx
      .insert(documents)
      .values({
        id: c.documentId,
        kind: c.kind,
        version,
        status: c.status,
        correlationId: c.correlationId,
        state: c.state,
      })
      .onConflictDoNothing()
      .returning({ id: documents.id });
    if (inserted.length === 0)
      throw conflict('version-conflict', 'the document was changed concurrently; reload and retry');
  } else {
    const updated = await tx
      .update(documents)
      .set({ version, status: c.status, state: c.state, correlationId: c.correlationId, updatedAt: c.at })
      .where(and(eq(documents.id, c.documentId), eq(documents.version, c.expectedVersion)))
      .returning({ id: documents.id });
    if (updated.length === 0)
      throw conflict('version-conflict', 'the document was changed concurrently; reload and retry');
  }
  if (c.events.length === 0) return [];
  const envelopes = c.events.map((e, i) =>
    buildEnvelope({
      id: e.id,
      source: c.source,
      type: e.type,
      subject: c.documentId,
      time: e.time,
      version: c.expectedVersion + i + 1,
      correlationId: c.correlationId,
      causationId: e.causationId,
      data: e.envelopeData ?? e.data,
    }),
  );
  await tx.insert(documentEvents).values(
    c.events.map((e, i) => ({
      documentId: c.documentId,
      sequence: c.expectedVersion + i + 1,
      eventId: e.id,
      type: e.type,
      time: e.time,
      data: e.data,
      correlationId: c.correlationId,
      causationId: e.causationId ?? null,
      hash: e.hash ?? null,
      prevHash: e.prevHash ?? null,
      signature: e.signature ?? null,
    })),
  );
  const headers: Record<string, string> = { [headerNames.contentType]: CLOUDEVENTS_CONTENT_TYPE };
  // refused at the door when an event could never be published (422 event-too-large; docs/reliability.md)
  assertPublishable(
    envelopes.map((envelope) => ({ type: envelope.type, key: c.documentId, value: JSON.stringify(envelope), headers })),
  );
  await tx.insert(outbox).values(
    envelopes.map((envelope) => ({
      eventId: envelope.id,
      topic: c.topic,
      key: c.documentId,
      envelope,
      headers,
      traceContext,
    })),
  );
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
  return envelopes;
};

export type DocumentRow = Readonly<{
  id: string;
  version: number;
  status: string;
  state: unknown;
  correlationId: string;
  createdAt: string;
  updatedAt: string;
}>;

export const loadDocument = async (db: Executor, id: string): Promise<DocumentRow | undefined> => {
  const rows = await db
    .select({
      id: documents.id,
      version: documents.version,
      status: documents.status,
      state: documents.state,
      correlationId: documents.correlationId,
      createdAt: documents.createdAt,
      updatedAt: documents.updatedAt,
    })
    .from(documents)
    .where(eq(documents.id, id));
  return rows[0];
};

export const loadEvents = async (db: Executor, documentId: string): Promise<readonly StoredEvent[]> =>
  db
    .select({
      sequence: documentEvents.sequence,
      eventId: documentEvents.eventId,
      type: documentEvents.type,
      time: documentEvents.time,
      data: documentEvents.data,
      correlationId: documentEvents.correlationId,
      causationId: documentEvents.causationId,
      hash: documentEvents.hash,
      prevHash: documentEvents.prevHash,
      signature: documentEvents.signature,
    })
    .from(documentEvents)
    .where(eq(documentEvents.documentId, documentId))
    .orderBy(asc(documentEvents.sequence));
