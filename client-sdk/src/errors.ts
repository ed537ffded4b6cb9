/**
 * What can go wrong, as classes: one per `extensions.code` of the API, all from {@link RomgraphError}, so that
 * `catch (e) { if (e instanceof ConflictError) ... }` says what to do.
 *
 * @example
 * try {
 *   await client.updateMilestone({ input: { id, expectedVersion: 3, status: 'DONE' } });
 * } catch (e) {
 *   if (e instanceof ConflictError) console.log(`read it again: it is at version ${e.currentVersion}`);
 *   else throw e;
 * }
 */

/**
 * One error of a GraphQL response, as the server formats it.
 *
 * @example
 * const error: GraphQLErrorLike = {
 *   message: 'dueOn must be a date (YYYY-MM-DD)',
 *   path: ['addMilestone'],
 *   extensions: { code: 'BAD_USER_INPUT', field: 'input.dueOn' },
 * };
 */
export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * The base of every error the client throws. `code` is the API's `extensions.code`, or NETWORK_ERROR.
 *
 * @example
 * try {
 *   await client.networkSummary();
 * } catch (e) {
 *   if (e instanceof RomgraphError) console.error(`${e.code} (request ${e.requestId}): ${e.message}`);
 *   throw e;
 * }
 */
export class RomgraphError extends Error {
  override name = 'RomgraphError';
  /** The server's request id, to quote when you report a problem. */
  readonly requestId: string | undefined;
  /** The HTTP status, when the response had one. */
  readonly status: number | undefined;

  constructor(
    message: string,
    readonly code: string,
    readonly errors: readonly GraphQLErrorLike[] = [],
    options: { status?: number; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.requestId =
      options.requestId ?? (errors.find((e) => e.extensions?.requestId)?.extensions?.requestId as string);
  }
}

/**
 * The input is wrong; `field` names the input field at fault (e.g. `input.dueOn`) when the server says.
 *
 * @example
 * try {
 *   await client.addMilestone({ input: { initiativeId, title: 'Kick-off', dueOn: '2027-02-30' } });
 * } catch (e) {
 *   if (e instanceof BadUserInputError) form.showError(e.field, e.message);
 *   else throw e;
 * }
 */
export class BadUserInputError extends RomgraphError {
  override name = 'BadUserInputError';
  get field(): string | undefined {
    return this.errors[0]?.extensions?.field as string | undefined;
  }
}

/**
 * No or bad credentials: sign in (a token or an API key).
 *
 * @example
 * const feed = client.events({}, { next: handle, error: (e) => e instanceof UnauthenticatedError && signIn() });
 */
export class UnauthenticatedError extends RomgraphError {
  override name = 'UnauthenticatedError';
}

/**
 * Signed in, but not allowed to do this.
 *
 * @example
 * const allowed = await client.joinInitiative({ input }).then(() => true, (e) => {
 *   if (e instanceof ForbiddenError) return false;
 *   throw e;
 * });
 */
export class ForbiddenError extends RomgraphError {
  override name = 'ForbiddenError';
}

/**
 * It does not exist, or you may not see it.
 *
 * @example
 * const trail = await client.auditTrail({ initiativeId }).catch((e) => {
 *   if (e instanceof NotFoundError) return null;
 *   throw e;
 * });
 */
export class NotFoundError extends RomgraphError {
  override name = 'NotFoundError';
}

/**
 * It changed since you read it (or it already is so): `currentVersion` is the version to read again.
 *
 * @example
 * try {
 *   await client.updateMilestone({ input: { id, expectedVersion: 3, status: 'DONE' } });
 * } catch (e) {
 *   if (!(e instanceof ConflictError)) throw e;
 *   await client.updateMilestone({ input: { id, expectedVersion: e.currentVersion!, status: 'DONE' } });
 * }
 */
export class ConflictError extends RomgraphError {
  override name = 'ConflictError';
  get currentVersion(): number | undefined {
    return this.errors[0]?.extensions?.currentVersion as number | undefined;
  }
}

/**
 * Too many requests: wait `retryAfter` seconds. Queries are retried for you (`retries`); this reaches you when
 * they ran out, or for a mutation.
 *
 * @example
 * try {
 *   await client.recordActivity({ input });
 * } catch (e) {
 *   if (!(e instanceof RateLimitedError)) throw e;
 *   await new Promise((r) => setTimeout(r, e.retryAfter * 1000));
 *   await client.recordActivity({ input });
 * }
 */
export class RateLimitedError extends RomgraphError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    code: string,
    errors: readonly GraphQLErrorLike[],
    options: { status?: number; requestId?: string; retryAfter?: number } = {},
  ) {
    super(message, code, errors, options);
    this.retryAfter = options.retryAfter ?? numberOr(errors[0]?.extensions?.retryAfter, 1);
  }
  /** Seconds to wait before asking again. */
  readonly retryAfter: number;
}

/**
 * The server could not answer now (its database restarts, say): the same request may be sent after
 * `retryAfter`. A write refused so took no effect, unless `errors[0].extensions.outcome` is `UNKNOWN`.
 *
 * @example
 * const summary = await client.networkSummary().catch(async (e) => {
 *   if (!(e instanceof ServiceUnavailableError)) throw e;
 *   await new Promise((r) => setTimeout(r, e.retryAfter * 1000));
 *   return client.networkSummary();
 * });
 */
export class ServiceUnavailableError extends RateLimitedError {
  override name = 'ServiceUnavailableError';
}

/**
 * The operation ran past its time: ask for less (smaller pages, narrower filters).
 *
 * @example
 * const page = await client.initiatives({ first: 100 }).catch((e) => {
 *   if (e instanceof TimeoutError) return client.initiatives({ first: 20 });
 *   throw e;
 * });
 */
export class TimeoutError extends RomgraphError {
  override name = 'TimeoutError';
}

/**
 * The operation asks for more than one request may return: smaller pages, fewer nested lists.
 *
 * @example
 * const all = await client.request(myDeepDocument).catch((e) => {
 *   if (e instanceof CostLimitExceededError) console.error(e.message); // says the cost and the limit
 *   throw e;
 * });
 */
export class CostLimitExceededError extends RomgraphError {
  override name = 'CostLimitExceededError';
}

/**
 * The document is not valid against the schema (regenerate the SDK, or fix your own document).
 *
 * @example
 * await client.request(`{ initiative(code: "ESMEE") { nope } }`).catch((e) => {
 *   if (e instanceof GraphQLValidationError) console.error(e.errors.map((x) => x.message));
 *   throw e;
 * });
 */
export class GraphQLValidationError extends RomgraphError {
  override name = 'GraphQLValidationError';
}

/**
 * Something failed on the server: quote `requestId` when you report it (the server's log has the details).
 *
 * @example
 * await client.outputs({ first: 10 }).catch((e) => {
 *   if (e instanceof InternalServerError) report(`romgraph failed, request ${e.requestId}`);
 *   throw e;
 * });
 */
export class InternalServerError extends RomgraphError {
  override name = 'InternalServerError';
}

/**
 * The server could not be reached, or answered something that is not GraphQL (a proxy's 502, say): `status`
 * then says what it answered, and `retryAfter` what its Retry-After asked for, in seconds.
 *
 * @example
 * await client.taxonomy().catch((e) => {
 *   if (e instanceof NetworkError) console.error(`unreachable (${e.status ?? 'no answer'}): ${e.message}`);
 *   throw e;
 * });
 */
export class NetworkError extends RomgraphError {
  override name = 'NetworkError';
  readonly retryAfter: number | undefined;
  constructor(
    message: string,
    code: string,
    errors: readonly GraphQLErrorLike[] = [],
    options: { status?: number; requestId?: string; cause?: unknown; retryAfter?: number } = {},
  ) {
    super(message, code, errors, options);
    this.retryAfter = options.retryAfter;
  }
}

/**
 * The server closed a WebSocket (graphql-transport-ws close codes: 4400 bad message, 4403 refused credentials,
 * 4420 slow consumer, 1001 shutdown, 1013 try again later...). `code` is `CLOSE_<closeCode>`.
 *
 * @example
 * client.subscribe(`subscription { partnerJoined { type } }`, {}, {
 *   next: console.log,
 *   error: (e) => e instanceof ConnectionClosedError && console.log('closed with', e.closeCode, e.reason),
 * });
 */
export class ConnectionClosedError extends NetworkError {
  override name = 'ConnectionClosedError';
  constructor(
    readonly closeCode: number,
    readonly reason: string,
  ) {
    super(
      `[romgraph] the server closed the connection with ${closeCode}${reason ? ` (${reason})` : ''}`,
      `CLOSE_${closeCode}`,
    );
  }
}

function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

type ErrorClass = new (
  message: string,
  code: string,
  errors: readonly GraphQLErrorLike[],
  options: { status?: number; requestId?: string; retryAfter?: number },
) => RomgraphError;

const BY_CODE: Record<string, ErrorClass> = {
  BAD_USER_INPUT: BadUserInputError,
  GRAPHQL_PARSE_FAILED: GraphQLValidationError,
  GRAPHQL_VALIDATION_FAILED: GraphQLValidationError,
  BAD_REQUEST: BadUserInputError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  RATE_LIMITED: RateLimitedError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
  TIMEOUT: TimeoutError,
  COST_LIMIT_EXCEEDED: CostLimitExceededError,
  INTERNAL_SERVER_ERROR: InternalServerError,
};

/**
 * The error for a response's `errors` (the first one decides the class; all are kept on `errors`).
 *
 * @example
 * const error = errorFromResponse([{ message: 'no', extensions: { code: 'FORBIDDEN' } }], { status: 200 });
 * error instanceof ForbiddenError; // true
 */
export function errorFromResponse(
  errors: readonly GraphQLErrorLike[],
  options: { status?: number; requestId?: string; retryAfter?: number } = {},
): RomgraphError {
  const first = errors[0];
  const code = (first?.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  const Class = BY_CODE[code] ?? RomgraphError;
  const message =
    errors.length > 1 ? `${first!.message} (and ${errors.length - 1} more)` : (first?.message ?? code);
  return new Class(message, code, errors, options);
}
