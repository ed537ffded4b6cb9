/** The `Date` scalar: a calendar date as 'YYYY-MM-DD' (no time, no zone), validated as a real date. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: "A calendar date, written 'YYYY-MM-DD' (ISO 8601), with no time or zone.",
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    // Strings come from DATE columns (PostgreSQL's own 'YYYY-MM-DD'), so the shape check suffices on output.
    if (typeof value === 'string' && value.length === 10 && DATE_RE.test(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError(`cannot serialise ${JSON.stringify(value)} as a Date`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string written YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});

/**
 * PostgreSQL's text form of a timestamptz ('2026-11-27 21:12:25.452+00') as ISO 8601. Rows keep timestamps
 * as text, so only the timestamps a response actually shows are converted (parsing every one into a Date
 * cost ~9 % of a dashboard page).
 */
export function isoTimestamp(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const m =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(
      value,
    );
  const date = m ? new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new GraphQLError(`cannot serialise ${JSON.stringify(value)} as a DateTimeISO`);
  return date.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTimeISO',
  description: "A point in time, written in ISO 8601 with a zone: '2026-11-27T21:12:25.452Z'.",
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (typeof value === 'string' || value instanceof Date) return isoTimestamp(value);
    throw new GraphQLError(`cannot serialise ${JSON.stringify(value)} as a DateTimeISO`);
  },
  parseValue(value) {
    const date =
      typeof value === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
        ? new Date(value)
        : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw new GraphQLError(
        `DateTimeISO must be written like 2026-11-27T21:12:25Z, got ${JSON.stringify(value)}`,
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    }
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DateTimeISO must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return this.parseValue!(ast.value) as Date;
  },
});
