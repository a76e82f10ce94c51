import {
  type Attributes,
  type Context,
  context,
  isSpanContextValid,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export { context, SpanKind, trace };

/** The one tracer of the platform's own spans (HTTP server, database, Kafka, outbox). */
export const tracer = () => trace.getTracer('railbill');

// W3C trace context explicitly, not through the global propagator: headers are read and written the same way
// whether or not the SDK is registered in this process (tests build parts of a service without it)
const w3c = new W3CTraceContextPropagator();

const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** A W3C `traceparent` of version 00 with non-zero trace and parent ids. */
export const isValidTraceparent = (value: unknown): value is string =>
  typeof value === 'string' && TRACEPARENT.test(value);

/** The trace id of a valid `traceparent`, else undefined. */
export const traceIdOf = (traceparent: unknown): string | undefined =>
  isValidTraceparent(traceparent) ? traceparent.slice(3, 35) : undefined;

/** The W3C headers (`traceparent`, and `tracestate` when there is one) of a context; empty when it has no span. */
export const traceContextHeaders = (ctx: Context = context.active()): Record<string, string> => {
  const span = trace.getSpanContext(ctx);
  if (span === undefined || !isSpanContextValid(span)) return {};
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, {
    set: (c, key, value) => {
      c[key] = value;
    },
  });
  return carrier;
};

/** The active context's `traceparent`, if a span is active. */
export const currentTraceparent = (): string | undefined => traceContextHeaders().traceparent;

/** The context carried by W3C headers (an invalid or missing `traceparent` gives the root context). */
export const contextFromHeaders = (headers: Readonly<Record<string, string | undefined>>): Context =>
  w3c.extract(context.active(), headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => carrier[key],
  });

/** Ends a span with the outcome of the work it timed. */
export const endSpan = (span: Span, error?: unknown): void => {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : new Error(String(error)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
};

/** Runs `fn` in a child span of the active context (or of `parent`), ending it when `fn` settles. */
export const withSpan = async <T>(
  name: string,
  options: Readonly<{ kind?: SpanKind; attributes?: Attributes; parent?: Context }>,
  fn: (span: Span) => Promise<T>,
): Promise<T> => {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parent,
  );
  try {
    const result = await context.with(trace.setSpan(parent, span), () => fn(span));
    endSpan(span);
    return result;
  } catch (error) {
    endSpan(span, error);
    throw error;
  }
};
