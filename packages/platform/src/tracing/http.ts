import type { Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { context, contextFromHeaders, SpanKind, trace, tracer } from './context.ts';

const spans = new WeakMap<object, Span>();

const headerText = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * A server span per request: it continues the caller's W3C `traceparent` (and `tracestate`) or starts a new trace.
 * The span's context is bound to the request and response streams and made active for the rest of the hook chain,
 * so the body parser, the handler, the database work and the outbox rows it writes all run inside it. Registered
 * first, before any other hook.
 */
export const registerHttpTracing = (app: FastifyInstance): void => {
  app.addHook('onRequest', (request, reply, done) => {
    const parent = contextFromHeaders({
      traceparent: headerText(request.headers.traceparent),
      tracestate: headerText(request.headers.tracestate),
    });
    const span = tracer().startSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0] ?? request.url,
          'http.request.id': request.id,
        },
      },
      parent,
    );
    spans.set(request, span);
    const ctx = trace.setSpan(parent, span);
    context.bind(ctx, request.raw);
    context.bind(ctx, reply.raw);
    context.with(ctx, done);
  });

  const finish = (request: { method: string; routeOptions: { url?: string | undefined } }, status?: number) => {
    const span = spans.get(request);
    if (span === undefined) return;
    spans.delete(request);
    const route = request.routeOptions.url;
    if (route !== undefined) {
      span.updateName(`${request.method} ${route}`);
      span.setAttribute('http.route', route);
    }
    if (status === undefined) span.setAttribute('http.request.aborted', true);
    else {
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: 2 });
    }
    span.end();
  };
  app.addHook('onResponse', async (request, reply) => finish(request, reply.statusCode));
  app.addHook('onRequestAbort', async (request) => finish(request));
};
