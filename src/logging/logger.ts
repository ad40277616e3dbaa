import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Log ids (activity, conversation, request, reference), never names, emails
 * or anything a user typed.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'shadowing-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['*.text', '*.name', '*.email', '*.password', '*.key'], censor: '[redacted]' },
    },
    destination,
  );
}
