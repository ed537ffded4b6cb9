/**
 * Apollo Server served on plain node:http through `executeHTTPGraphQLRequest` (no express: it cost ~40 % on
 * small queries). Bodies are bounded; errors that are not the caller's are masked with a request id.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import {
  DomainError,
  ServiceUnavailableError,
  isDatabaseUnavailable,
  isPublicError,
  maskError,
} from '../errors.js';
import type { Logger } from '../logger.js';
import {
  hideSuggestions,
  persistedQueryProblem,
  queryOf,
  subscriptionsOverWebSocket,
} from './request-rules.js';
import {
  unknownDocumentId,
  untrustedDocument,
  type TrustedDocuments,
  type TrustedDocumentsMode,
} from '../graphql/trusted-documents.js';
import { requestIdFor, type RequestScope } from '../request-scope.js';
import { MAX_NESTING, nestsDeeperThan } from '../graphql/limits.js';
import { HTTP_DOCUMENTS_BYTES, documentWeight, largestCachedDocument } from '../graphql/document-weight.js';

/** Errors whose caller needs the request id to ask us about them: ours (masked) and outages. */
const ID_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/** No root field produced a value, so the whole response failed (and may be retried as a whole). */
function hasNoData(data: Record<string, unknown> | null | undefined): boolean {
  return !data || Object.values(data).every((value) => value === null);
}

/** Logs internal errors in full with the request id, and puts the id on the masked error the caller sees. */
function errorLogging<Context extends ScopedContext>(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const outage = errors.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
          if (outage && !(outage.originalError instanceof ServiceUnavailableError)) {
            // Busy, not down (metrics still being computed): the caller was told when to come back.
            logger.info(`[graphql] request ${contextValue?.scope?.requestId ?? '-'}: ${outage.message}`);
          } else if (outage) {
            const cause = (outage.originalError as { cause?: unknown } | undefined)?.cause;
            logger.warn(
              `[db] request ${contextValue?.scope?.requestId ?? '-'}: the database is unavailable (${describe(cause ?? outage)}); answered SERVICE_UNAVAILABLE. Check that PostgreSQL is running and reachable at DATABASE_URL`,
            );
          }
          for (const error of errors) {
            if (isPublicError(error)) continue;
            logger.error(
              `[graphql] request ${contextValue?.scope?.requestId ?? '-'} failed`,
              error.originalError ?? error,
            );
          }
        },
        async willSendResponse({ response, contextValue, operation }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          let retryAfter = 0;
          for (const error of response.body.singleResult.errors) {
            const code = error.extensions?.code;
            const extensions = error.extensions as Record<string, unknown>;
            if (typeof code === 'string' && ID_CODES.has(code))
              extensions.requestId = contextValue?.scope?.requestId;
            if (code !== 'SERVICE_UNAVAILABLE') continue;
            // Below a mutation's own field, the mutation had returned: its transaction committed. Only the
            // answer is missing; sending the mutation again would repeat it, so it is no 503 to retry.
            if (operation?.operation === 'mutation' && (error.path?.length ?? 0) > 1) {
              extensions.outcome = 'COMMITTED';
              continue;
            }
            retryAfter = Math.max(retryAfter, Number(error.extensions?.retryAfter) || 1);
          }
          // Only a response with nothing in it is unavailable as a whole: partial data stays 200, as GraphQL has it.
          if (retryAfter > 0 && hasNoData(response.body.singleResult.data)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(retryAfter));
          }
        },
      };
    },
  };
}

/**
 * One request as the access log and the metrics see it, once its response is sent: who asked (callerKey),
 * which operation, how it ended (the error codes; none is OK) and how long it took.
 */
export interface RequestRecord {
  requestId: string;
  method: string;
  status: number;
  durationMs: number;
  operation: string | null;
  operationType: string | null;
  caller: string | null;
  codes: string[];
}

/** Keyed by the request's scope: Apollo shallow-copies the context object itself for each operation. */
const records = new WeakMap<RequestScope, RequestRecord>();

/** Fills in a request's record from what Apollo knows of it (its operation and its errors). */
function recording<Context extends ScopedContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const record = records.get(contextValue.scope);
      if (!record) return;
      record.caller = contextValue.scope.caller ?? null;
      return {
        async didResolveOperation({ operationName, operation }) {
          record.operation = operationName ?? null;
          record.operationType = operation?.operation ?? null;
        },
        async willSendResponse({ response, request, document }) {
          // A document that failed validation never resolved its operation: its name, when it has one.
          record.operation ??= request.operationName ?? operationNameIn(document);
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            record.codes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}

function operationNameIn(document: DocumentNode | undefined): string | null {
  const operations = document?.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? ((operations[0] as OperationDefinitionNode).name?.value ?? null) : null;
}

/** The codes of an answer Apollo sent without running plugins (a context that failed, a request it refused). */
function codesIn(body: string): string[] {
  const codes: string[] = [];
  for (const match of body.matchAll(/"code":"([A-Z][A-Z0-9_]{0,63})"/g)) codes.push(match[1]!);
  return codes;
}

/** What this layer needs of the application's context: the request's scope (its id, for logs and errors). */
export interface ScopedContext {
  scope: RequestScope;
}

export interface GraphQLHttpOptions<Context extends ScopedContext> {
  schema: GraphQLSchema;
  introspection: boolean;
  validationRules: ValidationRule[];
  /** Plugins of the app's own (checks that need the operation and its variables, such as its cost). */
  plugins?: ApolloServerPlugin<Context>[];
  maxBodyBytes: number;
  logger: Logger;
  /** Builds the context for a request; may throw a GraphQLError (e.g. UNAUTHENTICATED). */
  context: (req: IncomingMessage, requestId: string) => Promise<Context>;
  /** Registered documents: `documentId` resolves to one; with mode `all`, nothing else is accepted. */
  trusted?: { documents: TrustedDocuments; mode: TrustedDocumentsMode };
  /** Hears of every request once its response is sent (the access log, the metrics). */
  observe?: (record: RequestRecord) => void;
}

export class GraphQLHttpHandler<Context extends ScopedContext> {
  readonly apollo: ApolloServer<Context>;

  constructor(private readonly options: GraphQLHttpOptions<Context>) {
    this.apollo = new ApolloServer<Context>({
      schema: options.schema,
      introspection: options.introspection,
      // Without introspection, "Did you mean ...?" in validation errors would spell the schema out anyway.
      hideSchemaDetailsFromClientErrors: !options.introspection,
      validationRules: options.validationRules,
      formatError: maskError,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      parseOptions: { maxTokens: 10_000 },
      // Parsed documents by what they hold on the heap, not by their JSON (Apollo's default measure, which
      // stringifies each document it stores and lets 30 MiB of it hold some 110 MiB): see documentWeight.
      documentStore: new InMemoryLRUCache<DocumentNode>({
        maxSize: HTTP_DOCUMENTS_BYTES,
        maxEntrySize: largestCachedDocument(HTTP_DOCUMENTS_BYTES),
        sizeCalculation: documentWeight,
      }),
      // Apollo's own SIGTERM handler would stop GraphQL while HTTP still drains (500 for every request in the
      // grace period); the app stops it last, once no request is left.
      stopOnTerminationSignals: false,
      // Apollo pretty-prints by default: ~10 % more bytes and CPU on a dashboard page for nobody's benefit.
      stringifyResult: (value) => JSON.stringify(value),
      plugins: [
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        ApolloServerPluginLandingPageDisabled(),
        errorLogging<Context>(options.logger),
        ...(options.observe ? [recording<Context>()] : []),
        subscriptionsOverWebSocket(),
        ...(options.introspection ? [] : [hideSuggestions<Context>()]),
        ...(options.plugins ?? []),
      ],
    });
  }

  start(): Promise<void> {
    return this.apollo.start();
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }

  async handle(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const clientId = req.headers['x-request-id'];
    const requestId = requestIdFor(Array.isArray(clientId) ? clientId[0] : clientId);
    res.setHeader('x-request-id', requestId);
    const { observe } = this.options;
    if (!observe) return this.answer(req, res, search, requestId, null);
    const record: RequestRecord = {
      requestId,
      method: req.method ?? 'GET',
      status: 0,
      durationMs: 0,
      operation: null,
      operationType: null,
      caller: null,
      codes: [],
    };
    const began = performance.now();
    res.once('close', () => {
      record.status = res.statusCode;
      record.durationMs = performance.now() - began;
      observe(record);
    });
    return this.answer(req, res, search, requestId, record);
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    requestId: string,
    record: RequestRecord | null,
  ): Promise<void> {
    const refuse = (status: number, body: string) => {
      if (record) record.codes = codesIn(body);
      sendJson(res, status, body);
    };
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, this.options.maxBodyBytes);
      if (raw === null)
        return refuse(413, errorBody(`request body is larger than ${this.options.maxBodyBytes} bytes`));
      const type = headers.get('content-type') ?? '';
      if (/json/i.test(type)) {
        try {
          body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
        } catch {
          return refuse(400, errorBody('request body is not valid JSON'));
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    if (this.options.trusted) {
      const resolved = withDocuments(req.method ?? 'GET', body, search, this.options.trusted);
      if (resolved instanceof GraphQLError) return refuse(400, errorBodyOf(resolved));
      ({ body, search } = resolved);
    }
    const text = queryOf(req.method ?? 'GET', body, search);
    if (typeof text === 'string' && nestsDeeperThan(text)) {
      return refuse(
        400,
        JSON.stringify({
          errors: [
            {
              message: `the document nests brackets deeper than ${MAX_NESTING}`,
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            },
          ],
        }),
      );
    }
    const persisted = persistedQueryProblem(req.method ?? 'GET', body, search);
    if (persisted) return refuse(400, errorBody(persisted.message, persisted.field));
    const response = await this.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: record
        ? async () => {
            const context = await this.context(req, requestId);
            records.set(context.scope, record);
            return context;
          }
        : () => this.context(req, requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Refused before any plugin ran (no context, or Apollo's own checks): the codes are in the body.
      if (record && record.codes.length === 0 && res.statusCode !== 200)
        record.codes = codesIn(response.body.string);
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /**
   * The context, or an error that Apollo answers as it is (it runs no plugin for a failed context): credentials
   * refused stay UNAUTHENTICATED, an outage is a 503 with Retry-After, and anything else is logged here and
   * masked, both with the request id.
   */
  private async context(req: IncomingMessage, requestId: string): Promise<Context> {
    const { logger } = this.options;
    try {
      return await this.options.context(req, requestId);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        const cause = (err as { cause?: unknown }).cause ?? err;
        logger.warn(
          `[auth] request ${requestId}: the database is unavailable (${describe(cause)}); answered 503. Check that PostgreSQL is running and reachable at DATABASE_URL`,
        );
        const retryAfter = err instanceof ServiceUnavailableError ? err.retryAfterSeconds : undefined;
        throw new ServiceUnavailableError(retryAfter, { cause: err, httpStatus: true, requestId });
      }
      if (err instanceof DomainError) throw err;
      logger.error(
        `[auth] request ${requestId}: authenticating the caller failed unexpectedly (answered INTERNAL_SERVER_ERROR); the error below names the place to fix`,
        err,
      );
      throw new GraphQLError('Unexpected error.', {
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } },
      });
    }
  }
}

/** A cause for a log line: the driver's code and message (the stack says nothing about an outage). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
}

/**
 * A `documentId` (POST body or GET parameter) replaced by its registered text; with mode `all`, a refusal for
 * any request whose query is not registered, before Apollo parses it.
 */
function withDocuments(
  method: string,
  body: unknown,
  search: string,
  trusted: { documents: TrustedDocuments; mode: TrustedDocumentsMode },
): { body: unknown; search: string } | GraphQLError {
  const { documents, mode } = trusted;
  if (method === 'POST') {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return mode === 'all' ? untrustedDocument() : { body, search };
    }
    let fields = body as Record<string, unknown>;
    if (typeof fields.documentId === 'string' && fields.query === undefined) {
      const text = documents.body(fields.documentId);
      if (text === undefined) return unknownDocumentId(fields.documentId);
      const { documentId: _id, ...rest } = fields;
      fields = { ...rest, query: text };
    }
    if (mode === 'all' && (typeof fields.query !== 'string' || !documents.trusts(fields.query)))
      return untrustedDocument();
    return { body: fields, search };
  }
  const params = new URLSearchParams(search);
  const documentId = params.get('documentId');
  if (documentId !== null && !params.has('query')) {
    const text = documents.body(documentId);
    if (text === undefined) return unknownDocumentId(documentId);
    params.delete('documentId');
    params.set('query', text);
    search = `?${params.toString()}`;
  }
  const query = params.get('query');
  if (mode === 'all' && (query === null || !documents.trusts(query))) return untrustedDocument();
  return { body, search };
}

function errorBodyOf(error: GraphQLError): string {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return JSON.stringify({ errors: [{ message: error.message, extensions }] });
}

function errorBody(message: string, field?: string): string {
  return JSON.stringify({
    errors: [{ message, extensions: { code: 'BAD_REQUEST', ...(field ? { field } : {}) } }],
  });
}

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
}

/** HTTP status of a request refused with a public code, outside GraphQL (file downloads). */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/**
 * Answers a plain HTTP request (not GraphQL) that failed, in the shape of a GraphQL error: the message and
 * code when the caller may see them, "Unexpected error." (logged through `logUnexpected`) otherwise.
 */
export function sendErrorJson(
  res: ServerResponse,
  err: unknown,
  requestId: string,
  logUnexpected: (err: unknown) => void,
): void {
  const error = err instanceof GraphQLError && isPublicError(err) ? err : null;
  if (!error) logUnexpected(err);
  const { http, ...extensions } = (error?.extensions ?? {}) as Record<string, unknown>;
  const code = (extensions.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
  const status = (http as { status?: number } | undefined)?.status ?? STATUS_OF_CODE[code] ?? 500;
  if (extensions.retryAfter !== undefined) res.setHeader('retry-after', String(extensions.retryAfter));
  sendJson(
    res,
    status,
    JSON.stringify({
      errors: [
        { message: error?.message ?? 'Unexpected error.', extensions: { ...extensions, code, requestId } },
      ],
    }),
  );
}

/** The whole body, or null once it passes `limit` bytes (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
