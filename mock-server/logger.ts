/** Log levels, quietest last. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Whether `level` is written; lets per-request logging cost nothing when it is off. Absent = yes. */
  enabled?(level: LogLevel): boolean;
}

/** A leveled logger writing one line per entry to stderr (stdout stays clean for the start-up banner). */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (name: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(name) < threshold) return;
    write(`[${name}] ${msg}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}`);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    enabled: (name) => name !== 'silent' && LOG_LEVELS.indexOf(name) >= threshold,
  };
}
