import pino from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

/** Where log lines go: anything with `write(line)`, so a test can keep them in an array. */
export interface LogDestination {
  write(line: string): unknown;
}

/**
 * One JSON object per line. Lines go to stderr, looked up at each write, so that whatever replaces
 * `process.stderr.write` (a test's spy, a supervisor's pipe) receives them.
 */
export function createLogger(
  level: LogLevel,
  destination: LogDestination = { write: (line) => process.stderr.write(line) },
): Logger {
  return pino(
    {
      level,
      base: { service: 'trafficking-indicators-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // A last line of defence: whatever the caller passes, these never reach the log.
      redact: {
        paths: [
          'password',
          'token',
          'apiKey',
          'email',
          'authorization',
          '*.password',
          '*.token',
          '*.apiKey',
          '*.email',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** The logger of a test that captures its lines: each parsed JSON object in `lines`. */
export function createCapturingLogger(level: LogLevel = 'info'): {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
} {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(level, {
    write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}
