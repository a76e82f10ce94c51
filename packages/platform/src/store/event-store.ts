import { buildEnvelope, CLOUDEVENTS_CONTENT_TYPE, type CloudEvent, headerNames } from '@railbill/contracts';
import { asc, type Column, eq, getTableColumns, getTableName, type InferInsertModel, type Table } from 'drizzle-orm';
import { conflict } from '../errors.ts';
import { assertPublishable } from '../messaging/message-size.ts';
import { context, contextFromHeaders, trace, traceContextHeaders, withSpan } from '../tracing/context.ts';
import { clientOf, type Executor, queryableOf, statementName, type Tx } from './db.ts';
import { markOutboxWritten } from './outbox-signal.ts';
import { documentEvents } from './schema.ts';

/** An event about to be appended; `id` is minted once by the caller and never changes (docs/architecture.md §3 Events). */
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
  /** The service's query-index row of the document, written in the same statement. */
  index?: IndexRow | undefined;
}>;

/** A service's query-index row, upserted (keyed by the document id) in the same statement as the document. */
export type IndexRow = Readonly<{
  table: string;
  /** The primary-key column holding the document id. */
  key: string;
  /** Column → value, the key column excluded; arrays go to PostgreSQL arrays. */
  row: Readonly<Record<string, unknown>>;
}>;

/**
 * The `IndexRow` of a drizzle table: `key` (the property holding the document id) and `row`, every other column by
 * the table's property names, checked against its insert type, turned into its table and column names.
 */
export const indexRowOf = <T extends Table, K extends keyof InferInsertModel<T> & string>(
  table: T,
  key: K,
  // every column but the key, none left out (an upsert would keep a left-out column's old value)
  row: NoInfer<{ [P in keyof InferInsertModel<T> as P extends K ? never : P]-?: InferInsertModel<T>[P] }>,
): IndexRow => {
  const columns: Record<string, Column> = getTableColumns(table);
  const nameOf = (property: string): string => {
    const column = columns[property];
    if (column === undefined) throw new Error(`${getTableName(table)} has no column ${property}`);
    return column.name;
  };
  return {
    table: getTableName(table),
    key: nameOf(key),
    row: Object.fromEntries(Object.entries(row).map(([property, value]) => [nameOf(property), value])),
  };
};

/** The headers each published record carries, built once per commit and stored with its outbox rows. */
export const outboxHeaders = (c: Pick<Commit, 'traceparent'>): Record<string, string> => {
  const headers: Record<string, string> = { [headerNames.contentType]: CLOUDEVENTS_CONTENT_TYPE };
  if (c.traceparent !== undefined) headers[headerNames.traceparent] = c.traceparent;
  return headers;
};

const envelopesOf = (c: Commit): CloudEvent[] =>
  c.events.map((e, i) =>
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

/** The statement text of one commit shape (new or existing document, with or without an index row). */
const commitStatement = (
  c: Commit,
  /** Each event's envelope as the JSON text stored in its outbox row and sent as is. */
  envelopes: readonly string[],
  traceContext: string | null,
  values: unknown[],
): string => {
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const id = $(c.documentId);
  const last = c.events.at(-1);
  const lastHash = $(last?.hash ?? null);
  const doc =
    c.expectedVersion === 0
      ? `insert into documents (id, kind, version, status, correlation_id, state, last_hash)
         values (${id}::uuid, ${$(c.kind)}, ${$(c.events.length)}::int, ${$(c.status)}, ${$(c.correlationId)},
                 ${$(JSON.stringify(c.state))}::jsonb, ${lastHash}::text)
         on conflict do nothing returning id`
      : `update documents set version = ${$(c.expectedVersion + c.events.length)}::int, status = ${$(c.status)},
           state = ${$(JSON.stringify(c.state))}::jsonb, correlation_id = ${$(c.correlationId)},
           updated_at = ${$(c.at)}::timestamptz, last_hash = coalesce(${lastHash}::text, last_hash)
         where id = ${id}::uuid and version = ${$(c.expectedVersion)}::int returning id`;
  const events = $(
    JSON.stringify(
      envelopes.map((envelope, i) => {
        const e = c.events[i] as NewEvent;
        return {
          sequence: c.expectedVersion + i + 1,
          event_id: e.id,
          type: e.type,
          time: e.time,
          data: e.data,
          causation_id: e.causationId ?? null,
          hash: e.hash ?? null,
          prev_hash: e.prevHash ?? null,
          signature: e.signature ?? null,
          envelope,
        };
      }),
    ),
  );
  const index =
    c.index === undefined
      ? ''
      : (() => {
          const columns = Object.keys(c.index.row);
          const placeholders = columns.map((k) => $(c.index?.row[k]));
          // VALUES, not SELECT: the parameters take the columns' types; a lost race fails the statement anyway
          return `, ix as (
            insert into "${c.index.table}" ("${c.index.key}", ${columns.map((k) => `"${k}"`).join(', ')})
            values (${id}::uuid, ${placeholders.join(', ')})
            on conflict ("${c.index.key}") do update set ${columns.map((k) => `"${k}" = excluded."${k}"`).join(', ')})`;
        })();
  // the events' JSON is parsed once (materialized) for both the event rows and their outbox rows
  return `with doc as (${doc}),
    e as materialized (
      select * from jsonb_to_recordset(${events}::jsonb) as e(sequence int, event_id uuid, type text, time text,
        data jsonb, causation_id text, hash text, prev_hash text, signature text, envelope text)),
    ev as (
      insert into document_events
        (document_id, sequence, event_id, type, time, data, correlation_id, causation_id, hash, prev_hash, signature)
      select doc.id, e.sequence, e.event_id, e.type, e.time, e.data, ${$(c.correlationId)}, e.causation_id, e.hash,
             e.prev_hash, e.signature
      from doc, e),
    ob as (
      insert into outbox (event_id, topic, key, envelope, headers, trace_context)
      select e.event_id, ${$(c.topic)}, doc.id::text, e.envelope, ${$(JSON.stringify(outboxHeaders(c)))}::jsonb,
             ${$(traceContext)}::text
      from doc, e
      order by e.sequence)${index}
    select count(*)::int as n from doc`;
};

/**
 * Writes the document row (with its last hash), its events, their outbox rows and the optional index row in the
 * caller's transaction, as ONE prepared statement (one round trip), and marks the transaction so the relay is woken
 * in-process once its connection goes back to the pool. A lost race on the version throws `Rejected`
 * conflict/version-conflict, which rolls the whole transaction back. `behind` is called as soon as the statement is on
 * the connection: what it sends goes in the same write and runs after the statement (app/command-handler.ts).
 */
export const commitEvents = (tx: Tx, c: Commit, behind?: () => void): Promise<readonly CloudEvent[]> =>
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
    (span) =>
      writeCommit(tx, c, traceContextHeaders(trace.setSpan(context.active(), span)).traceparent ?? null, behind),
  );

const writeCommit = async (
  tx: Tx,
  c: Commit,
  traceContext: string | null,
  behind: (() => void) | undefined,
): Promise<readonly CloudEvent[]> => {
  const envelopes = envelopesOf(c);
  const texts = envelopes.map((envelope) => JSON.stringify(envelope));
  // refused at the door when an event could never be published (422 event-too-large; docs/reliability.md)
  const headers = outboxHeaders(c);
  assertPublishable(
    envelopes.map((envelope, i) => ({ type: envelope.type, key: c.documentId, value: texts[i] as string, headers })),
  );
  const values: unknown[] = [];
  const text = commitStatement(c, texts, traceContext, values);
  const client = clientOf(tx);
  const sent = client.query<{ n: number }>({ name: statementName(text), text, values });
  behind?.();
  const result = await sent;
  if (result.rows[0]?.n !== 1)
    throw conflict('version-conflict', 'the document was changed concurrently; reload and retry');
  if (c.events.length > 0) markOutboxWritten(client);
  return envelopes;
};

export type DocumentRow = Readonly<{
  id: string;
  version: number;
  status: string;
  state: unknown;
  correlationId: string;
  lastHash: string | null;
  createdAt: string;
  updatedAt: string;
}>;

const LOAD_DOCUMENT = {
  name: 'railbill_load_document',
  // instants as PostgreSQL's text, as drizzle's string mode gives them (callers parse them)
  text: `select id::text as id, version, status, state, correlation_id as "correlationId", last_hash as "lastHash",
           created_at::text as "createdAt", updated_at::text as "updatedAt"
         from documents where id = $1::uuid`,
};

/** The document row, by a named statement (every command's first read: parsed and planned once per connection). */
export const loadDocument = async (db: Executor, id: string): Promise<DocumentRow | undefined> => {
  const result = await queryableOf(db).query<DocumentRow>({ ...LOAD_DOCUMENT, values: [id] });
  return result.rows[0];
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
