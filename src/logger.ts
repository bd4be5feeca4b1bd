import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout, one object per line. Written asynchronously: a synchronous write
 * per request log line blocked the event loop for a measurable part of each small request. Pino
 * flushes what is pending when the process exits.
 */
export function createLogger(level: string): Logger {
  return pino(
    { level, base: { service: 'competency-graph' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  );
}

export type { Logger };
