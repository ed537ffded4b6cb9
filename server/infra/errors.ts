/**
 * Domain errors with the public `extensions.code` values of the API (listed in the README). Anything thrown that is not one of these is an
 * internal error: masked for the caller (with a request id) and logged in full.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadInputError extends DomainError {
  /** @param field the input field at fault, as the client named it (e.g. `input.dueOn`). */
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field ? { field } : {});
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, ref: string) {
    super('NOT_FOUND', `${what} ${ref} was not found (or is not visible to you)`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super('CONFLICT', message, extra);
  }
}

/** An operation that ran past its time (the operation timeout, or PostgreSQL's statement_timeout). */
export class TimeoutError extends DomainError {
  constructor(message: string) {
    super('TIMEOUT', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  /** @param httpStatus set when the whole request fails (bad credentials), not just one field. */
  constructor(
    message = 'Sign in first: send Authorization: Bearer <token> (npm run token prints one for local use)',
    httpStatus?: number,
  ) {
    super('UNAUTHENTICATED', message, httpStatus ? { http: { status: httpStatus } } : {});
  }
}

/** How long a client should wait before retrying after a database outage: a restart or failover takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 3;

/**
 * The database could not be reached: nothing was written (unless `outcome` is `UNKNOWN`, below) and the same
 * request can be sent again after `retryAfter` seconds. HTTP answers 503 with Retry-After.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(
    readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS,
    options: {
      cause?: unknown;
      /**
       * The connection was lost during COMMIT: PostgreSQL may have committed before it went away, so the
       * client must read the change back before it retries.
       */
      outcomeUnknown?: boolean;
      /** Sets the status of the whole response (context creation, where no plugin sees the response). */
      httpStatus?: boolean;
      requestId?: string;
    } = {},
  ) {
    super(
      'SERVICE_UNAVAILABLE',
      options.outcomeUnknown
        ? `The database became unavailable while the change was being committed, so it may or may not have been written; after ${retryAfterSeconds} seconds read it back before sending it again`
        : `The database is unavailable; retry after ${retryAfterSeconds} seconds`,
      {
        retryAfter: retryAfterSeconds,
        ...(options.outcomeUnknown ? { outcome: 'UNKNOWN' } : {}),
        ...(options.requestId ? { requestId: options.requestId } : {}),
        ...(options.httpStatus
          ? { http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } }
          : {}),
      },
    );
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** SQLSTATEs of a server that is shutting down or cannot accept the session (class 08 is matched whole). */
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03']);
const NETWORK_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres and pg-pool say these in words only, without a code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection ended unexpectedly/i;

/**
 * True when `err` says PostgreSQL cannot be reached or is going away (refused, reset, terminated, shutting
 * down, pool timeout), as opposed to a statement it refused. Looks through TypeORM's wrapper and causes.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  if (err instanceof ServiceUnavailableError) return true;
  const { code, message, driverError, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (PG_UNAVAILABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code) || NETWORK_UNAVAILABLE.has(code))
      return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // Connecting to a name with several addresses fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** PostgreSQL error codes we translate into user errors (the constraint is the last line of defence). */
const PG_UNIQUE = '23505';
/** statement_timeout (or a cancel request) stopped the statement. */
const PG_QUERY_CANCELED = '57014';
const PG_FOREIGN_KEY = '23503';
const PG_CHECK = '23514';
const PG_NOT_NULL = '23502';
const PG_BAD_TEXT = '22P02';
const PG_DATE_RANGE = '22008';
const PG_BAD_DATETIME = '22007';
/** U+0000 (22021) or a character the database encoding lacks (22P05): text PostgreSQL can never store. */
const PG_UNSTORABLE_TEXT = new Set(['22021', '22P05']);
const PG_NUMBER_RANGE = '22003';
const PG_TOO_LONG = '22001';

const constraintMessages: Record<string, string> = {
  organisations_code_key: 'an organisation with this code already exists',
  initiatives_code_key: 'an initiative with this code already exists',
  organisations_code_lower_key:
    'an organisation with this code already exists (codes are unique regardless of case): choose another code',
  initiatives_code_lower_key:
    'an initiative with this code already exists (codes are unique regardless of case): choose another code',
  participations_active_pair_key: 'this organisation already takes part in the initiative',
  participations_active_lead_key:
    'the initiative already has an active lead: hand the lead over with updateInitiative(leadOrganisationId)',
  partnerships_active_key: 'an active partnership of this kind between these organisations already exists',
  partnerships_not_self_check: 'a partnership needs two different organisations',
  partnerships_period_check: '`until` must not be before `since`',
  initiatives_period_check: '`endsOn` must not be before `startsOn`',
  participations_period_check: '`leftOn` must not be before `joinedOn`',
  funding_allocations_amount_check: '`amountEur` must be zero or more',
  milestones_code_key: 'a milestone with this code already exists in the initiative',
};

/** Turns a constraint violation into a CONFLICT or BAD_USER_INPUT; returns undefined for anything else. */
export function translateDatabaseError(err: unknown): DomainError | undefined {
  const driverError = (err as { driverError?: unknown }).driverError ?? err;
  const { code, constraint, table } = (driverError ?? {}) as {
    code?: string;
    constraint?: string;
    table?: string;
  };
  // The event log is written by us, never from input: a failure there is ours, not the caller's.
  if (table === 'events') return undefined;
  const known = constraint ? constraintMessages[constraint] : undefined;
  switch (code) {
    case PG_UNIQUE:
      return new ConflictError(known ?? 'this would duplicate an existing record', { constraint });
    case PG_FOREIGN_KEY:
      return new BadInputError(known ?? 'a referenced record does not exist');
    case PG_CHECK:
      return new BadInputError(known ?? `the input breaks the rule ${constraint ?? '(unknown)'}`);
    case PG_NOT_NULL:
      return new BadInputError('a required value is missing');
    case PG_BAD_TEXT:
    case PG_DATE_RANGE:
    case PG_BAD_DATETIME:
      return new BadInputError('a value has the wrong format');
    case PG_NUMBER_RANGE:
      return new BadInputError('a number is out of range for its field; send a smaller one');
    case PG_TOO_LONG:
      return new BadInputError('a text is longer than its field allows; shorten it');
    case PG_QUERY_CANCELED:
      return new TimeoutError(
        'a database statement ran longer than the statement timeout and was cancelled; ask for less (smaller pages, narrower filters)',
      );
    default:
      if (code && PG_UNSTORABLE_TEXT.has(code)) {
        return new BadInputError(
          'a text holds a character that cannot be stored (such as U+0000); remove it',
        );
      }
      return undefined;
  }
}

/**
 * The codes a caller can act on: its own mistakes, refusals and outages it may retry. Every other error is ours:
 * logged in full and shown masked. The one test of "may the caller see this?" for HTTP, WebSocket and the feed.
 */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'COST_LIMIT_EXCEEDED',
  'SUBSCRIPTION_LIMIT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** True when the caller may see the error as it is; false for ours (to log, and to mask). */
export function isPublicError(error: GraphQLError | GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/** What a caller sees of an error: a public one without its stack, any other as "Unexpected error.". */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isPublicError(formatted)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Only we set a requestId on an internal error (a failed context, which no plugin sees): it is the caller's
  // handle on our log line.
  const requestId = formatted.extensions?.requestId;
  return {
    message: 'Unexpected error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      ...(typeof requestId === 'string' ? { requestId } : {}),
    },
  };
}

/**
 * graphql-js reports the caller's request errors (parse, validation, variables) without a code, and Apollo adds
 * one over HTTP; other transports label them here, so the same mistake gets the same code everywhere.
 */
export function withCode(
  errors: readonly GraphQLError[],
  code: ErrorCode | 'GRAPHQL_VALIDATION_FAILED' | 'GRAPHQL_PARSE_FAILED',
): GraphQLError[] {
  return errors.map((e) =>
    e.extensions.code
      ? e
      : new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError,
          extensions: { ...e.extensions, code },
        }),
  );
}
