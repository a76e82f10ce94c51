import { z } from 'zod';
import { eventCatalog, topics } from './catalog.ts';
import type { CustomsEvent } from './events/customs.ts';
import type { LcEvent } from './events/lc.ts';
import type { WaybillEvent } from './events/waybill.ts';
import { Instant } from './values/dates.ts';

/** docs/contract.md §6: CloudEvents 1.0, structured mode, plus the sequence, correlation and causation extensions. */
export const CloudEvent = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().regex(/^(waybill|lc|customs)\.[a-z_]+$/),
  subject: z.string().min(1),
  time: Instant,
  datacontenttype: z.literal('application/json'),
  sequence: z.string().regex(/^\d{10}$/, 'must be the document version zero-padded to 10 digits'),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).optional(),
  data: z.unknown(),
});
export type CloudEvent = z.infer<typeof CloudEvent>;

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';
export const headerNames = {
  contentType: 'content-type',
  traceparent: 'traceparent',
  dlqReason: 'dlq-reason',
} as const;

export const formatSequence = (version: number): string => String(version).padStart(10, '0');

export type NewEnvelope = Readonly<{
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  version: number;
  correlationId: string;
  causationId?: string | undefined;
  data: unknown;
}>;

/** The one place envelopes are built. */
export const buildEnvelope = (e: NewEnvelope): CloudEvent => ({
  specversion: '1.0',
  id: e.id,
  source: e.source,
  type: e.type,
  subject: e.subject,
  time: e.time,
  datacontenttype: 'application/json',
  sequence: formatSequence(e.version),
  correlationid: e.correlationId,
  ...(e.causationId === undefined ? {} : { causationid: e.causationId }),
  data: e.data,
});

/** Any event of the catalogue: its type and its parsed `data` (narrow on `type`). */
export type DomainEvent = WaybillEvent | LcEvent | CustomsEvent;

/**
 * A consumed event: its envelope, and its `type` and `data` as one discriminated union, so a consumer narrows on
 * `type` and passes it to a fold as a `WaybillEvent`, `LcEvent` or `CustomsEvent` without a cast.
 */
export type ParsedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? Readonly<{ envelope: CloudEvent; type: E['type']; data: E['data'] }>
  : never;

/** Events of one document, by the topic its events are published on (catalog.ts). */
const isOnTopic =
  <D extends DomainEvent>(topic: string) =>
  <E extends DomainEvent>(event: E): event is Extract<E, D> =>
    eventCatalog[event.type]?.topic === topic;
export const isWaybillEvent = isOnTopic<WaybillEvent>(topics.waybill);
export const isLcEvent = isOnTopic<LcEvent>(topics.lc);
export const isCustomsEvent = isOnTopic<CustomsEvent>(topics.customs);

export type ParseResult = { ok: true; event: ParsedEvent } | { ok: false; reason: string };

const describe = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Parses a record value: JSON, a valid envelope, a known type, and `data` valid against its schema. */
export const parseEnvelope = (value: string): ParseResult => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'record value is not JSON' };
  }
  return parseEvent(json);
};

/** Parses an envelope already read as JSON (e.g. one stored as received): as `parseEnvelope`. */
export const parseEvent = (json: unknown): ParseResult => {
  const envelope = CloudEvent.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describe(envelope.error)}` };
  const entry = eventCatalog[envelope.data.type];
  if (entry === undefined) return { ok: false, reason: `unknown event type ${envelope.data.type}` };
  const data = entry.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `invalid data for ${envelope.data.type}: ${describe(data.error)}` };
  // the `data` schema is the catalogue's entry for this `type`: the pair is one member of the union
  const event = { envelope: envelope.data, type: envelope.data.type, data: data.data } as ParsedEvent;
  return { ok: true, event };
};
