import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | undefined;
let exporting = false;

/**
 * Registers the OpenTelemetry SDK once per process: the async-local context, the W3C trace-context propagator and a
 * tracer that always mints valid trace ids (so every event carries a `traceparent`). Spans are exported over OTLP/HTTP
 * only when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set; otherwise none leave
 * the process. Returns a flush for graceful shutdown.
 */
export const startTracing = (
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): { shutdown: () => Promise<void> } => {
  if (provider === undefined) {
    exporting = tracingExports(env);
    const spanProcessors: SpanProcessor[] = exporting ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [];
    provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? `railbill-${serviceName}` }),
      spanProcessors,
    });
    provider.register();
  }
  const registered = provider;
  return { shutdown: () => registered.forceFlush() };
};

/** Whether spans leave the process (an OTLP endpoint is configured). */
export const tracingExports = (env: NodeJS.ProcessEnv = process.env): boolean =>
  (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '') !== '';

/**
 * Whether this process registered a tracer whose spans leave it. Spans nobody reads are not made where only they
 * would come of it (one per database query: tracing/pg.ts); the spans whose ids travel (request, commit, consumed
 * event) are always made.
 */
export const spansExported = (): boolean => exporting;
