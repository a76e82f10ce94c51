import { headerNames } from '@railbill/contracts';
import type { Producer } from 'kafkajs';
import type pg from 'pg';
import type { Logger } from '../logger.ts';
import { MAX_MESSAGE_BYTES, recordBytes } from './message-size.ts';

/**
 * An outbox row as the relay read it: the envelope as stored (JSON text), and `blocked_by`, the event id of the
 * first dead-lettered row of its key when it was read (`BLOCKED_BY`), else null.
 */
export type OutboxRow = Readonly<{
  id: string;
  topic: string;
  key: string;
  envelope: string;
  headers: Record<string, string>;
  blocked_by: string | null;
}>;

/**
 * The column the relay's read adds to each row: the first dead-lettered row of its key (found through the
 * `outbox_dead_lettered` partial index, empty in the normal case), so the screen needs no query of its own.
 */
export const BLOCKED_BY = `(select d.event_id::text from outbox d where d.headers ? '${headerNames.dlqReason}'
  and d.key = outbox.key order by d.id limit 1) as blocked_by`;

/**
 * The keys this relay dead-lettered during one drain (key → the first dead-lettered event id): a batch read before
 * an earlier batch's rows were dead-lettered does not see them in `blocked_by`.
 */
export type Blocked = Map<string, string>;

/** The relay's own connection: the screen's reads and marks go behind its other statements. */
type Queryable = Pick<pg.ClientBase, 'query'>;

type Outgoing = Readonly<{ topic: string; key: string; value: string; headers: Record<string, string>; bytes: number }>;
type DeadRow = Readonly<{ row: OutboxRow; bytes: number; reason: string }>;

export type ScreenOptions = Readonly<{
  topicName: (topic: string) => string;
  log: Logger;
  /** The service's dead-letter topic (physical name): a small record per dead-lettered row goes there. */
  deadLetterTopic?: string | undefined;
  maxBytes?: number | undefined;
}>;

const envelopeOf = (row: OutboxRow): Record<string, unknown> => {
  try {
    return JSON.parse(row.envelope) as Record<string, unknown>;
  } catch {
    return {};
  }
};

const eventIdOf = (row: OutboxRow): string => String(envelopeOf(row).id ?? row.id);

/**
 * Splits a claimed batch into what the broker can take and what it never will (docs/reliability.md "A row the
 * broker refuses"): a row over the size limit is dead-lettered with its reason instead of failing the batch forever;
 * so that no key is reordered, every later row of that key (in this batch or in later ones: `blocked_by` from the
 * read, and `blocked` for what this drain dead-lettered since) is dead-lettered after it rather than published past
 * the gap. No query: the relay's read brought what an earlier drain dead-lettered (bench/README.md).
 */
const screen = (rows: readonly OutboxRow[], blocked: Blocked, o: ScreenOptions) => {
  const maxBytes = o.maxBytes ?? MAX_MESSAGE_BYTES;
  const send: Outgoing[] = [];
  const dead: DeadRow[] = [];
  for (const row of rows) {
    const value = row.envelope;
    const bytes = recordBytes(row.key, value, row.headers);
    const before = row.blocked_by ?? blocked.get(row.key);
    if (before !== undefined)
      dead.push({ row, bytes, reason: `event ${before} of the same key was dead-lettered before it; kept in order` });
    else if (bytes > maxBytes) {
      dead.push({ row, bytes, reason: `the record is ${bytes} bytes; the broker takes at most ${maxBytes}` });
      blocked.set(row.key, eventIdOf(row));
    } else send.push({ topic: o.topicName(row.topic), key: row.key, value, headers: row.headers, bytes });
  }
  return { send, dead, maxBytes };
};

/** Consecutive runs of at most `maxBytes` (a record alone always fits): per-partition batches stay under the limit. */
const chunks = (send: readonly Outgoing[], maxBytes: number): Outgoing[][] => {
  const out: Outgoing[][] = [];
  let current: Outgoing[] = [];
  let size = 0;
  for (const m of send) {
    if (current.length > 0 && size + m.bytes > maxBytes) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += m.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
};

const byTopic = (messages: readonly Outgoing[]) => {
  const topics = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const m of messages) {
    const list = topics.get(m.topic) ?? [];
    list.push({ key: m.key, value: m.value, headers: m.headers });
    topics.set(m.topic, list);
  }
  return [...topics].map(([topic, list]) => ({ topic, messages: list }));
};

/**
 * Publishes a claimed batch in id order, in size-bounded sends (the producer keeps one request in flight, so order
 * per key holds across them); dead-letters what can never be published and records the reason on its outbox row,
 * on the relay's connection, before the batch is marked published. Answers how many rows were published.
 */
export const publishScreened = async (
  db: Queryable,
  producer: Producer,
  rows: readonly OutboxRow[],
  blocked: Blocked,
  o: ScreenOptions,
): Promise<number> => {
  const { send, dead, maxBytes } = screen(rows, blocked, o);
  for (const chunk of chunks(send, maxBytes)) await producer.sendBatch({ acks: -1, topicMessages: byTopic(chunk) });
  if (dead.length === 0) return send.length;
  for (const d of dead) {
    o.log.error(
      { outboxId: d.row.id, eventId: eventIdOf(d.row), key: d.row.key, bytes: d.bytes, reason: d.reason },
      'outbox row dead-lettered',
    );
    await db.query(
      `update outbox set headers = headers || jsonb_build_object($1::text, $2::text) where id = $3::bigint`,
      [headerNames.dlqReason, d.reason, d.row.id],
    );
  }
  if (o.deadLetterTopic !== undefined)
    await producer.send({
      topic: o.deadLetterTopic,
      acks: -1,
      messages: dead.map((d) => {
        const envelope = envelopeOf(d.row);
        return {
          key: d.row.key,
          // the event itself may be what the broker refuses: its identity and size, not its data
          value: JSON.stringify({
            outboxId: d.row.id,
            id: envelope.id,
            type: envelope.type,
            subject: envelope.subject,
            sequence: envelope.sequence,
            bytes: d.bytes,
          }),
          headers: {
            [headerNames.dlqReason]: d.reason,
            'dlq-original-topic': o.topicName(d.row.topic),
            'dlq-source': 'outbox-relay',
            ...(d.row.headers.traceparent === undefined ? {} : { traceparent: d.row.headers.traceparent }),
          },
        };
      }),
    });
  return send.length;
};
