import { type Logger, pino } from 'pino';

export type { Logger };

/** pino with secrets redacted (STYLE §3 Logs). */
export const createLogger = (name: string, level: string): Logger =>
  pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token', 'signingKey', '*.signingKey'],
      censor: '[redacted]',
    },
  });
