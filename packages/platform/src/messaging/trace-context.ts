import type { IHeaders, KafkaMessage } from 'kafkajs';
import {
  context,
  contextFromHeaders,
  endSpan,
  isValidTraceparent,
  SpanKind,
  trace,
  traceContextHeaders,
  tracer,
} from '../tracing/context.ts';
import { spansExported } from '../tracing/setup.ts';

/** An outbox row as the relay reads it: the trace context of the work that wrote it is stored beside it. */
export type TracedRow = Readonly<{ headers: Record<string, string>; trace_context?: string | null }>;

/**
 * The Kafka headers of an outbox row: its stored headers and the W3C `traceparent` of the request or consumed
 * event that produced it (never the relay's own). A row without one (written before the column existed) is sent
 * with `fallback`, the relay's context, so that every record still carries a valid `traceparent`.
 */
export const traceHeaders = (row: TracedRow, fallback: Record<string, string> = {}): Record<string, string> => {
  if (isValidTraceparent(row.trace_context)) return { ...row.headers, traceparent: row.trace_context };
  if (isValidTraceparent(row.headers.traceparent)) return row.headers;
  return { ...row.headers, ...fallback };
};

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const v = headers?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
};

/**
 * Runs the processing of a consumed record in a consumer span that continues the producer's trace (its
 * `traceparent` header): the handler's database work and the events it causes carry the same trace id.
 */
export const withConsumedTrace = async <T>(
  topic: string,
  group: string,
  message: KafkaMessage,
  fn: () => Promise<T>,
): Promise<T> => {
  const parent = contextFromHeaders({
    traceparent: headerText(message.headers, 'traceparent'),
    tracestate: headerText(message.headers, 'tracestate'),
  });
  const span = tracer().startSpan(
    `${topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': group,
        'messaging.kafka.offset': Number(message.offset),
        ...(message.key === null ? {} : { 'messaging.kafka.message.key': message.key.toString() }),
      },
    },
    parent,
  );
  try {
    const result = await context.with(trace.setSpan(parent, span), fn);
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
};

/** The W3C headers of the active context, for records produced outside the outbox (dead letters). */
export const activeTraceHeaders = (): Record<string, string> => traceContextHeaders();

/**
 * The relay's producer span around one batch: linked to the trace of every row it publishes when spans are exported
 * (the rows keep their own `traceparent`); `fn` gets the span's headers as the fallback for a row that has none.
 */
export const withPublishSpan = async <T>(
  rows: readonly (TracedRow & { topic: string })[],
  fn: (fallback: Record<string, string>) => Promise<T>,
): Promise<T> => {
  // links are read only where spans are exported; otherwise they were a context per row and batch for nothing
  const links = !spansExported()
    ? []
    : rows.flatMap((row) => {
        const linked = trace.getSpanContext(contextFromHeaders({ traceparent: row.trace_context ?? undefined }));
        return linked === undefined ? [] : [{ context: linked }];
      });
  const span = tracer().startSpan(
    `${[...new Set(rows.map((r) => r.topic))].join(',')} publish`,
    {
      kind: SpanKind.PRODUCER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.batch.message_count': rows.length,
      },
    },
    context.active(),
  );
  const ctx = trace.setSpan(context.active(), span);
  try {
    const result = await context.with(ctx, () => fn(traceContextHeaders(ctx)));
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
};
