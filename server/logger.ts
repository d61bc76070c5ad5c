/** Structured logs (pino): JSON lines in production, readable lines on a terminal in development. */
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  });
}

/** A logger that writes nothing: for tests that do not inspect logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
