/** A small levelled logger: one line per entry, to stderr for warnings and errors, stdout otherwise. */
export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const ORDER = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof ORDER;

function render(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return `\n${detail.stack ?? detail.message}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

export function createLogger(level: LogLevel = 'info'): Logger {
  const min = ORDER[level];
  const write = (at: LogLevel, message: string, detail: unknown) => {
    if (ORDER[at] < min) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase().padEnd(5)} ${message}${render(detail)}\n`;
    (ORDER[at] >= ORDER.warn ? process.stderr : process.stdout).write(line);
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
