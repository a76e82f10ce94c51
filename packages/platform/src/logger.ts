import { isSpanContextValid, trace } from '@opentelemetry/api';
import { type Logger, pino } from 'pino';

export type { Logger };

/** The active span's ids on every log line, so a line leads to its trace (docs/operations.md). */
const traceIds = (): Record<string, string> => {
  const span = trace.getActiveSpan()?.spanContext();
  return span !== undefined && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
};

/**
 * pino with secrets redacted and the active trace id on each line. Lines go to stdout asynchronously: a write in
 * progress gathers the lines logged meanwhile (one `write` per burst, not one blocking `write` per request line,
 * bench/README.md); pino flushes what is left when the process exits.
 */
export const createLogger = (name: string, level: string): Logger =>
  pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceIds,
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token', 'signingKey', '*.signingKey'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
