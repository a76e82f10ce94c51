import { isSpanContextValid, trace } from '@opentelemetry/api';
import { type Logger, pino } from 'pino';

export type { Logger };

/** The active span's ids on every log line, so a line leads to its trace (docs/operations.md). */
const traceIds = (): Record<string, string> => {
  const span = trace.getActiveSpan()?.spanContext();
  return span !== undefined && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
};

/** pino with secrets redacted and the active trace id on each line. */
export const createLogger = (name: string, level: string): Logger =>
  pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceIds,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token', 'signingKey', '*.signingKey'],
      censor: '[redacted]',
    },
  });
