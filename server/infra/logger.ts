/**
 * The one logger, on pino: JSON lines (one object per entry, for a log collector) in production, pino-pretty's
 * coloured lines in development (LOG_FORMAT). Every part of the server logs through the same small interface;
 * a message starting with `[part]` (`[http]`, `[db]`, `[ws]`) carries that part as the `component` field too.
 *
 * `detail`: an Error is logged as `err` (its type, message and stack: logs are the operator's, never a
 * response); an object's fields join the entry (request id, caller, operation, duration, code); anything else
 * is logged as `detail`.
 */
import { Writable } from 'node:stream';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import pretty from 'pino-pretty';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where entries go (default: stdout). Tests pass a stream to read what was logged. */
  destination?: DestinationStream | Writable;
}

const COMPONENT = /^\[([a-z][\w-]*)\] /;

function fieldsOf(message: string, detail: unknown): Record<string, unknown> {
  const component = COMPONENT.exec(message)?.[1];
  const fields: Record<string, unknown> = component ? { component } : {};
  if (detail === undefined) return fields;
  if (detail instanceof Error) fields.err = detail;
  else if (detail !== null && typeof detail === 'object' && !Array.isArray(detail))
    Object.assign(fields, detail);
  else fields.detail = detail;
  return fields;
}

/** Our interface over a pino logger (also for pino's children, e.g. one with a request's bindings). */
export function loggerOver(base: Pino): Logger {
  return {
    debug: (m, d) => base.isLevelEnabled('debug') && base.debug(fieldsOf(m, d), m),
    info: (m, d) => base.isLevelEnabled('info') && base.info(fieldsOf(m, d), m),
    warn: (m, d) => base.isLevelEnabled('warn') && base.warn(fieldsOf(m, d), m),
    error: (m, d) => base.isLevelEnabled('error') && base.error(fieldsOf(m, d), m),
  };
}

export function createPino({ level = 'info', format = 'json', destination }: LoggerOptions = {}): Pino {
  const options = {
    level,
    base: { service: 'romgraph' },
    // ISO times read better than epoch milliseconds in both formats, and every collector parses them.
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
  };
  if (format === 'pretty') {
    // In-process and synchronous (no worker thread): lines come out in order with the process's own output.
    const stream = pretty({
      colorize: !destination && process.stdout.isTTY,
      sync: true,
      destination: destination ?? 1,
      ignore: 'pid,hostname,service,component',
      translateTime: 'SYS:HH:MM:ss.l',
      singleLine: true,
    });
    return pino(options, stream);
  }
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

export function createLogger(options: LoggerOptions | LogLevel = {}): Logger {
  return loggerOver(createPino(typeof options === 'string' ? { level: options } : options));
}
