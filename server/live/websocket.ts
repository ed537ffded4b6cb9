/**
 * GraphQL over WebSocket (graphql-transport-ws) on the HTTP server's `/graphql`. The same schema, validation
 * rules and access rules as HTTP: the caller is authenticated once on `connection_init`
 * (`connectionParams.authorization`), and every operation runs as that caller. Subscriptions are served by the
 * event feed, through a bounded queue per subscriber.
 */
import type { IncomingMessage, Server } from 'node:http';
import {
  GraphQLError,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isObjectType,
  parse,
  print,
  specifiedRules,
  validate,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Authentication } from '../infra/auth/authenticate.js';
import type { Viewer } from '../infra/auth/viewer.js';
import { DomainError, isDatabaseUnavailable, isPublicError, maskError, withCode } from '../infra/errors.js';
import type { Logger } from '../infra/logger.js';
import {
  untrustedDocument,
  type TrustedDocuments,
  type TrustedDocumentsMode,
} from '../infra/graphql/trusted-documents.js';
import { costError, operationCost, selectedOperation, type CostLimits } from '../infra/graphql/cost.js';
import { longStringError, longStringIn } from '../infra/graphql/strings.js';
import { MAX_NESTING, nestsDeeperThan } from '../infra/graphql/limits.js';
import {
  WS_DOCUMENTS_BYTES,
  documentWeight,
  largestCachedDocument,
} from '../infra/graphql/document-weight.js';
import { pointsOf } from '../infra/http/rate-limit.js';
import { RequestScope, callerKey } from '../infra/request-scope.js';

/**
 * Close codes romgraph adds to graphql-ws' own (its `CloseCode`: 4400 bad request, 4401 unauthorised,
 * 4403 forbidden, 4408 init timeout, 4409 duplicate id, 4429 too many inits), which are used as they are.
 */
export enum LiveCloseCode {
  /** The subscriber fell too far behind: reconnect and resume from the last cursor it received. */
  SlowConsumer = 4420,
  /** The server is shutting down: reconnect (to another instance) and resume. */
  GoingAway = 1001,
  /** The database was unavailable on `connection_init`: the credentials were not judged; reconnect in a few seconds. */
  TryAgainLater = 1013,
  /** The caller already holds WS_MAX_CONNECTIONS_PER_CALLER connections: use one of them, or close one first. */
  TooManyConnections = 4430,
}

/** Longest subscription id taken: ids are echoed in every message of the subscription. */
export const MAX_SUBSCRIPTION_ID_LENGTH = 128;

/** Codes of the errors a subscription is refused with while the socket stays open. */
export const SUBSCRIPTION_LIMIT = 'SUBSCRIPTION_LIMIT';

export interface SocketLimits {
  /** Operations one socket may have running at once. */
  maxSubscriptionsPerSocket: number;
  /** Operations one caller (token subject, API key, or address when anonymous) may have running over all its sockets. */
  maxSubscriptionsPerCaller: number;
  /** Connections one caller may hold open at once. */
  maxConnectionsPerCaller: number;
}

/** The per-operation context the feed and the resolvers get. */
export interface SocketContext {
  scope: RequestScope;
  socket: WebSocket;
  /** The graphql-ws id of the operation, for the `next` messages written directly. */
  subscriptionId: string;
}

export interface LiveQueue {
  /** False once the subscriber is gone (completed, closed, or overflowed). */
  push(result: ExecutionResult): boolean;
  /** Waits while the queue is more than half full (replays use it so they never overflow). */
  room(): Promise<void>;
  end(): void;
}

export interface WebSocketOptions<C> {
  server: Server;
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  /** Leave "Did you mean ...?" out of errors: it would spell out a schema that introspection hides. */
  hideSuggestions?: boolean;
  maxPayloadBytes: number;
  costLimits: CostLimits;
  /** Longest string in a subscribe message's document or variables. */
  maxStringLength: number;
  /**
   * Spends an operation's points against its caller (the rate limits); resolves to the error to refuse the
   * operation with, or null.
   */
  spend?: (viewer: Viewer, caller: string, points: number) => Promise<GraphQLError | null>;
  /** The caller's address for a handshake (behind trusted proxies: from X-Forwarded-For). */
  addressOf?: (req: IncomingMessage) => string | undefined;
  limits: SocketLimits;
  /** Unsent bytes a socket may hold before its subscribers count as slow consumers (closed with 4420). */
  maxBufferedBytes: number;
  /** How often API-key connections re-check their key (ms). */
  recheckMs: number;
  logger: Logger;
  /** Accept only registered documents: from everyone (`all`), or from callers restricted one by one. */
  trustedDocuments?: { documents: TrustedDocuments; mode: TrustedDocumentsMode };
  /** Hears of each error sent (its code) and each slow consumer closed (4420): the metrics. */
  observe?: { error(code: string): void; slowConsumer(): void };
  /** Whether a handshake's `Origin` may open a socket (browsers send one; see CORS_ORIGINS). */
  allowOrigin?(req: IncomingMessage): boolean;
  authenticate(authorization: string | undefined): Promise<Authentication>;
  /** The operation's context; `address` is the socket's remote address (anonymous callers are known by it). */
  context(scope: RequestScope, address: string | undefined): C;
  /**
   * Starts a subscription: `field` is the root field's name, `args` its coerced arguments. Resolves when the
   * subscription is live (after any replay); returns the function that stops it.
   */
  subscribe(request: {
    field: string;
    args: Record<string, unknown>;
    /** The operation, with its variables coerced. */
    execution: ExecutionArgs;
    viewer: Viewer;
    /** Who subscribed (see `callerKey`). */
    caller: string;
    printed: string;
    queue: LiveQueue;
  }): Promise<() => void>;
}

/**
 * The one place that writes a graphql-transport-ws `next` message itself, bypassing graphql-ws: the payload
 * was serialised once for the whole cohort, and graphql-ws would serialise it again per subscriber (the
 * fan-out benchmark rests on this; docs/decisions/0005). The framing must stay graphql-ws' own:
 * `{"id":<id>,"type":"next","payload":<ExecutionResult>}`, which the real-client test checks.
 */
function writeNext(socket: WebSocket, idJson: string, payloadJson: string): void {
  socket.send(`{"id":${idJson},"type":"next","payload":${payloadJson}}`);
}

/** Payload text per result: a cohort shares one result object, so it is serialised (and masked) once. */
const payloads = new WeakMap<ExecutionResult, string>();

/**
 * One subscription's outlet. Results are written straight to the socket as `next` messages, their payload
 * serialised once per cohort (graphql-ws would stringify the same result once per subscriber and add a promise
 * hop per message, a large share of a 5,000-subscriber fan-out). A subscriber whose socket holds more than
 * `maxBufferedBytes` unsent is a slow consumer. A result with no data (a subscription that could not start)
 * goes through graphql-ws as an ordinary result, followed by `complete`.
 */
class SubscriptionQueue implements AsyncIterableIterator<ExecutionResult>, LiveQueue {
  private readonly items: ExecutionResult[] = [];
  private waiter: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private done = false;
  private readonly idJson: string;
  stop: () => void = () => {};

  constructor(
    private readonly socket: WebSocket,
    subscriptionId: string,
    private readonly maxBufferedBytes: number,
    private readonly onOverflow: () => void,
    private readonly logger: Logger,
  ) {
    this.idJson = JSON.stringify(subscriptionId);
  }

  push(result: ExecutionResult): boolean {
    if (this.done) return false;
    if (result.data === undefined) {
      this.emit(result);
      return true;
    }
    if (this.socket.readyState !== this.socket.OPEN) {
      this.end();
      return false;
    }
    writeNext(this.socket, this.idJson, this.payload(result));
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.end();
      this.onOverflow();
      return false;
    }
    return true;
  }

  private payload(result: ExecutionResult): string {
    let text = payloads.get(result);
    if (text === undefined) {
      if (result.errors?.length) {
        for (const error of result.errors) {
          if (!isPublicError(error))
            this.logger.error('[ws] event execution failed', error.originalError ?? error);
        }
      }
      text = JSON.stringify(result.errors?.length ? { ...result, errors: formatted(result.errors) } : result);
      payloads.set(result, text);
    }
    return text;
  }

  private emit(result: ExecutionResult): void {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter({ value: result, done: false });
    } else {
      this.items.push(result);
    }
  }

  async room(): Promise<void> {
    while (!this.done && this.socket.bufferedAmount > this.maxBufferedBytes / 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.items.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  get ended(): boolean {
    return this.done;
  }

  /** Ends after what is queued has been read (`end` drops it). */
  finish(): void {
    if (this.done) return;
    this.done = true;
    this.stop();
    if (this.waiter && this.items.length === 0) {
      this.waiter({ value: undefined, done: true });
      this.waiter = null;
    }
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.stop();
    this.waiter?.({ value: undefined, done: true });
    this.waiter = null;
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}

/** graphql-transport-ws messages that only a server sends. */
const SERVER_MESSAGES = new Set(['connection_ack', 'next', 'error']);
const NAMES_A_SERVER_MESSAGE = /"(?:connection_ack|next|error)"/;

/** Whether a client's message is of a type only servers send (parsed only when its text names one). */
function sentByServerOnly(data: RawData): boolean {
  const text = String(data);
  if (!NAMES_A_SERVER_MESSAGE.test(text)) return false;
  try {
    return SERVER_MESSAGES.has((JSON.parse(text) as { type?: unknown } | null)?.type as string);
  } catch {
    return false;
  }
}

/**
 * Parsed and validated documents by query text. Feeds open many identical subscriptions (a dashboard per
 * person, a service per partner); parsing and validating each again was most of the garbage of a reconnect
 * storm. Bounded by entries and by what they weigh (documentWeight): the least recently used go first.
 */
class DocumentCache {
  private readonly entries: LRUCache<string, { document: DocumentNode }>;
  private readonly prints = new WeakMap<DocumentNode, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: ValidationRule[],
    private readonly hideSuggestions: boolean,
    max = 1000,
    maxWeight = WS_DOCUMENTS_BYTES,
  ) {
    // A get counts as a use, so a flood of distinct documents does not push out the ones in use.
    this.entries = new LRUCache({
      max,
      maxSize: maxWeight,
      maxEntrySize: largestCachedDocument(maxWeight),
      sizeCalculation: (entry) => documentWeight(entry.document),
    });
  }

  prepare(
    query: string,
  ):
    | { document: DocumentNode; errors?: undefined }
    | { errors: readonly GraphQLError[]; document?: undefined } {
    const cached = this.entries.get(query);
    if (cached) return cached;
    if (nestsDeeperThan(query)) {
      return {
        errors: withCode(
          [new GraphQLError(`the document nests brackets deeper than ${MAX_NESTING}`)],
          'GRAPHQL_PARSE_FAILED',
        ),
      };
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: 10_000 });
    } catch (err) {
      return {
        errors: withCode(
          [err instanceof GraphQLError ? err : new GraphQLError('the query could not be parsed')],
          'GRAPHQL_PARSE_FAILED',
        ),
      };
    }
    const errors = validate(this.schema, document, this.rules, { hideSuggestions: this.hideSuggestions });
    // Only documents that run are kept: a refused one holds its whole tree in its errors (MBs for a 60 kB
    // alias bomb), and sending it again costs its sender the same refusal.
    if (errors.length > 0) return { errors: withCode(errors, 'GRAPHQL_VALIDATION_FAILED') };
    const entry = { document };
    this.entries.set(query, entry); // one heavier than an eighth of the budget is not kept (maxEntrySize)
    return entry;
  }

  /** The document's canonical text: part of the cohort key. */
  printed(document: DocumentNode): string {
    let text = this.prints.get(document);
    if (text === undefined) this.prints.set(document, (text = print(document)));
    return text;
  }
}

function limitError(what: string, limit: number): GraphQLError {
  return new GraphQLError(`${what}; complete some before starting more`, {
    extensions: { code: SUBSCRIPTION_LIMIT, limit },
  });
}

function formatted(errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] {
  return errors.map((e) => maskError(e instanceof GraphQLError ? e.toJSON() : e));
}

export function attachWebSocket<C extends object>(
  options: WebSocketOptions<C>,
): { close(): Promise<void>; connections(): number } {
  const { logger } = options;
  const addressOf = options.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress);
  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes,
    // A page of another origin may not open a socket with its visitor's browser: refused before the upgrade.
    verifyClient: options.allowOrigin
      ? ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
          if (options.allowOrigin!(req)) return done(true);
          logger.info(`[ws] refused a handshake from origin ${JSON.stringify(req.headers.origin)}`);
          done(false, 403, 'Origin not allowed');
        }
      : undefined,
  });
  const viewers = new WeakMap<WebSocket, Viewer>();
  /** Each caller's open connections, to count its operations over all of them. */
  const callers = new Map<string, Set<{ subscriptions: Record<string, unknown> }>>();
  const callerOf = new WeakMap<WebSocket, string>();
  const checks = new Map<WebSocket, () => Promise<boolean>>();
  const timers = new Map<WebSocket, NodeJS.Timeout>();
  const rules = [...specifiedRules, ...options.validationRules];
  const hideSuggestions = options.hideSuggestions ?? false;
  const documents = new DocumentCache(options.schema, rules, hideSuggestions);

  const forbid = (socket: WebSocket, reason: string) => {
    if (socket.readyState === socket.OPEN) socket.close(CloseCode.Forbidden, reason);
  };

  const recheck = setInterval(() => {
    for (const [socket, stillValid] of checks) {
      stillValid().then(
        (ok) => ok || forbid(socket, 'Forbidden: the API key was revoked or expired'),
        (err: Error) => logger.warn(`[ws] could not re-check credentials: ${err.message}`),
      );
    }
  }, options.recheckMs);
  recheck.unref();

  const observed = (errors: GraphQLFormattedError[]) => {
    if (options.observe)
      for (const error of errors)
        options.observe.error(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    return errors;
  };
  const disposable = useServer<Record<string, unknown> | undefined, Record<PropertyKey, never>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 3_000,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        if (authorization !== undefined && typeof authorization !== 'string') return false;
        let auth: Authentication;
        try {
          auth = await options.authenticate(authorization);
        } catch (err) {
          if (isDatabaseUnavailable(err)) {
            const cause = (err as { cause?: unknown }).cause ?? err;
            logger.warn(
              `[ws] connection_init: the database is unavailable (${(cause as Error).message}); closed with ${LiveCloseCode.TryAgainLater} for the client to retry. Check that PostgreSQL is running and reachable at DATABASE_URL`,
            );
            // Closed here: returning false alone would close with 4403, which tells the client its credentials are bad.
            ctx.extra.socket.close(
              LiveCloseCode.TryAgainLater,
              'Try again later: the database is unavailable; reconnect in a few seconds',
            );
            return false;
          }
          if (!(err instanceof DomainError)) logger.error('[ws] authentication failed', err);
          return false;
        }
        const socket = ctx.extra.socket;
        viewers.set(socket, auth.viewer);
        const caller = callerKey(auth.viewer, addressOf(ctx.extra.request));
        const held = callers.get(caller)?.size ?? 0;
        if (held >= options.limits.maxConnectionsPerCaller) {
          viewers.delete(socket);
          socket.close(
            LiveCloseCode.TooManyConnections,
            `Too many connections: you already hold ${options.limits.maxConnectionsPerCaller}; run more operations on one`,
          );
          return false;
        }
        callerOf.set(socket, caller);
        let connections = callers.get(caller);
        if (!connections) callers.set(caller, (connections = new Set()));
        connections.add(ctx);
        if (auth.expiresAt !== undefined) {
          const ms = auth.expiresAt * 1000 - Date.now();
          timers.set(
            socket,
            setTimeout(() => forbid(socket, 'Forbidden: the token expired'), Math.max(ms, 0)),
          );
        }
        if (auth.stillValid) checks.set(socket, auth.stillValid);
        return true;
      },
      onClose(ctx) {
        const socket = ctx.extra.socket;
        clearTimeout(timers.get(socket));
        timers.delete(socket);
        checks.delete(socket);
        const caller = callerOf.get(socket);
        const connections = caller === undefined ? undefined : callers.get(caller);
        connections?.delete(ctx);
        if (connections?.size === 0) callers.delete(caller!);
      },
      async onSubscribe(ctx, id, payload) {
        if (id.length > MAX_SUBSCRIPTION_ID_LENGTH) {
          ctx.extra.socket.close(
            CloseCode.BadRequest,
            `Invalid message: a subscription id may have at most ${MAX_SUBSCRIPTION_ID_LENGTH} characters`,
          );
          return [
            new GraphQLError('the subscription id is too long', { extensions: { code: 'BAD_REQUEST' } }),
          ];
        }
        // graphql-ws has already registered this id in ctx.subscriptions: it counts itself.
        const running = Object.keys(ctx.subscriptions).length;
        const { maxSubscriptionsPerSocket, maxSubscriptionsPerCaller } = options.limits;
        if (running > maxSubscriptionsPerSocket) {
          return [
            limitError(
              `this connection already runs ${maxSubscriptionsPerSocket} operations`,
              maxSubscriptionsPerSocket,
            ),
          ];
        }
        let ofCaller = 0;
        for (const connection of callers.get(callerOf.get(ctx.extra.socket) ?? '') ?? []) {
          ofCaller += Object.keys(connection.subscriptions).length;
        }
        if (ofCaller > maxSubscriptionsPerCaller) {
          return [
            limitError(
              `you already run ${maxSubscriptionsPerCaller} operations over all your connections`,
              maxSubscriptionsPerCaller,
            ),
          ];
        }
        const viewer = viewers.get(ctx.extra.socket)!;
        const trusted = options.trustedDocuments;
        if (trusted && (trusted.mode === 'all' || viewer.trustedDocumentsOnly)) {
          if (typeof payload.query !== 'string' || !trusted.documents.trusts(payload.query))
            return [untrustedDocument()];
        }
        const prepared = documents.prepare(payload.query);
        if (prepared.errors) return prepared.errors;
        const document = prepared.document;
        const operation = selectedOperation(document, payload.operationName);
        if (!operation) {
          return [
            new GraphQLError(
              payload.operationName
                ? `no operation named ${JSON.stringify(payload.operationName.slice(0, 100))} in the document`
                : 'the document has several operations: name the one to run in operationName',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
            ),
          ];
        }
        if (operation.operation !== 'subscription') {
          // Over HTTP Apollo refuses bad variables with BAD_USER_INPUT; graphql-ws' execute leaves the code off.
          const coerced = getVariableValues(
            options.schema,
            operation.variableDefinitions ?? [],
            payload.variables ?? {},
            {
              hideSuggestions,
            },
          );
          if (coerced.errors) return withCode(coerced.errors, 'BAD_USER_INPUT');
        }
        let cost = 0;
        if (operation) {
          const variables = payload.variables ?? undefined;
          cost = operationCost(options.schema, document, operation, variables, options.costLimits);
          if (cost > options.costLimits.maxCost) return [costError(cost, options.costLimits)];
        }
        const long = longStringIn(document, payload.variables, options.maxStringLength);
        if (long) return [longStringError(long, options.maxStringLength)];
        const caller = callerOf.get(ctx.extra.socket);
        if (options.spend && operation && caller !== undefined) {
          const refused = await options.spend(viewer, caller, pointsOf(cost));
          if (refused) return [refused];
        }
        const scope = new RequestScope(viewer);
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          hideSuggestions,
          contextValue: {
            ...options.context(scope, addressOf(ctx.extra.request)),
            socket: ctx.extra.socket,
            subscriptionId: id,
          },
        };
      },
      async subscribe(args) {
        const operation = getOperationAST(args.document, args.operationName);
        const socket = (args.contextValue as SocketContext).socket;
        const viewer = viewers.get(socket)!;
        const fieldNode = operation?.selectionSet.selections[0];
        const subscriptionType = options.schema.getSubscriptionType();
        if (
          !operation ||
          !fieldNode ||
          fieldNode.kind !== Kind.FIELD ||
          !subscriptionType ||
          !isObjectType(subscriptionType)
        ) {
          return {
            errors: [
              new GraphQLError(
                'a subscription selects exactly one field, directly (not through a fragment), e.g. subscription { events { cursor } }',
                { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
              ),
            ],
          };
        }
        const fieldDef = subscriptionType.getFields()[fieldNode.name.value];
        if (!fieldDef)
          return {
            errors: [
              new GraphQLError(`unknown subscription ${fieldNode.name.value}`, {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            ],
          };
        const coerced = getVariableValues(
          options.schema,
          operation.variableDefinitions ?? [],
          args.variableValues ?? {},
          { hideSuggestions },
        );
        if (coerced.errors) return { errors: withCode(coerced.errors, 'BAD_USER_INPUT') };
        const { subscriptionId } = args.contextValue as SocketContext;
        const queue = new SubscriptionQueue(
          socket,
          subscriptionId,
          options.maxBufferedBytes,
          () => {
            if (socket.readyState === socket.OPEN) {
              logger.warn('[ws] closing a slow consumer; it will resume from its cursor');
              options.observe?.slowConsumer();
              socket.close(
                LiveCloseCode.SlowConsumer,
                'Slow consumer: reconnect and resume from your last cursor',
              );
            }
          },
          logger,
        );
        let fieldArgs: Record<string, unknown>;
        try {
          fieldArgs = getArgumentValues(fieldDef, fieldNode, coerced.coerced);
        } catch (err) {
          return {
            errors: withCode(
              [err instanceof GraphQLError ? err : new GraphQLError('invalid arguments')],
              'BAD_USER_INPUT',
            ),
          };
        }
        // Not awaited: a replay fills the queue while graphql-ws drains it. A failure to start (a bad cursor)
        // becomes the subscription's only result.
        Promise.resolve()
          .then(() =>
            options.subscribe({
              field: fieldNode.name.value,
              args: fieldArgs,
              execution: { ...args, variableValues: coerced.coerced },
              viewer,
              caller: callerOf.get(socket) ?? callerKey(viewer, undefined),
              printed: documents.printed(args.document),
              queue,
            }),
          )
          .then(
            (stop) => {
              if (queue.ended) stop();
              else queue.stop = stop;
            },
            (err: unknown) => {
              if (!(err instanceof GraphQLError)) logger.error('[ws] could not start a subscription', err);
              const error =
                err instanceof GraphQLError
                  ? err
                  : new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
              queue.push({ errors: [error] });
              queue.finish();
            },
          );
        return queue;
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        for (const error of result.errors) {
          if (!isPublicError(error)) logger.error('[ws] operation failed', error.originalError ?? error);
        }
        return { ...result, errors: observed(formatted(result.errors)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return observed(formatted(errors));
      },
    },
    wss,
  );
  // ws closes a socket that breaks the protocol (a frame over WS_MAX_FRAME_BYTES: 1009; invalid UTF-8: 1007)
  // and emits the error; graphql-ws would print it with a stack as an internal error. It is the client's.
  wss.on('connection', (socket: WebSocket) => {
    // Messages only the server sends: graphql-ws answers one from a client as its own failure (4500); it is an
    // invalid message (4400). Checked here rather than by graphql-ws' jsonMessageReviver, which makes
    // JSON.parse walk the whole message recursively: variables nested 5,000 deep then overflow the stack and
    // close the socket instead of failing their one operation.
    for (const listener of socket.listeners('message') as ((data: RawData, binary: boolean) => void)[]) {
      socket.off('message', listener);
      socket.on('message', (data: RawData, binary: boolean) => {
        if (sentByServerOnly(data)) {
          socket.close(CloseCode.BadRequest, 'Invalid message received');
          return;
        }
        listener(data, binary);
      });
    }
    for (const listener of socket.listeners('error') as ((err: Error) => void)[]) {
      socket.off('error', listener);
      socket.once('error', (err: Error & { code?: string }) => {
        if (typeof err.code === 'string' && err.code.startsWith('WS_ERR_')) {
          logger.info(`[ws] closed a connection that broke the protocol: ${err.message}`);
          return;
        }
        listener(err);
      });
    }
  });

  return {
    connections: () => wss.clients.size,
    async close() {
      clearInterval(recheck);
      for (const timer of timers.values()) clearTimeout(timer);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
