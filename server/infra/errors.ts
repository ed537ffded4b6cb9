/**
 * Domain errors with the `extensions.code` values of API.md. Anything thrown that is not one of these is an
 * internal error: masked for the caller (with a request id) and logged in full.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
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

/** PostgreSQL error codes we translate into user errors (the constraint is the last line of defence). */
const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';
const PG_CHECK = '23514';
const PG_NOT_NULL = '23502';
const PG_BAD_TEXT = '22P02';
const PG_DATE_RANGE = '22008';

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
      return new BadInputError('a value has the wrong format');
    default:
      return undefined;
  }
}
