/**
 * GraphQL over WebSocket (graphql-transport-ws) on the HTTP server's `/graphql`. The same schema, validation
 * rules and access rules as HTTP: the caller is authenticated once on `connection_init`
 * (`connectionParams.authorization`), and every operation runs as that caller. Subscriptions are served by the
 * event feed, through a bounded queue per subscriber.
 */
import type { Server } from 'node:http';
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
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer.js';
import { DomainError } from '../errors.js';
import type { Logger } from '../logger.js';
import { RequestScope } from '../request-scope.js';
import { maskError } from './graphql-http.js';

/**
 * Close codes romgraph uses besides graphql-ws' own (4400 bad request, 4401 unauthorised, 4403 forbidden,
 * 4408 init timeout, 4409 duplicate id, 4429 too many inits, 1001 going away).
 */
export enum CloseCode {
  /** The credentials were refused, or expired or were revoked while connected: refresh them, reconnect and resume. */
  Forbidden = 4403,
  /** The subscriber fell too far behind: reconnect and resume from the last cursor it received. */
  SlowConsumer = 4420,
  /** The server is shutting down: reconnect (to another instance) and resume. */
  GoingAway = 1001,
}

export interface Authenticated {
  viewer: Viewer;
  /** Unix seconds after which the credentials stop being valid (tokens). */
  expiresAt?: number;
  /** Re-checks the credentials (API keys: revoked or expired since?); resolves false when they are no longer valid. */
  stillValid?: () => Promise<boolean>;
}

/** The per-operation context the feed and the resolvers get. */
export interface SocketContext {
  scope: RequestScope;
  socket: WebSocket;
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
  maxPayloadBytes: number;
  /** Results a subscriber may have pending (queued or unsent) before it is closed as a slow consumer. */
  maxQueue: number;
  /** Bytes the socket may have buffered before its subscriber counts as slow. */
  maxBufferedBytes: number;
  /** How often API-key connections re-check their key (ms). */
  recheckMs: number;
  logger: Logger;
  authenticate(authorization: string | undefined): Promise<Authenticated>;
  context(scope: RequestScope): C;
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
    printed: string;
    queue: LiveQueue;
  }): Promise<() => void>;
}

class SubscriptionQueue implements AsyncIterableIterator<ExecutionResult>, LiveQueue {
  private readonly items: ExecutionResult[] = [];
  private waiter: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private roomWaiters: (() => void)[] = [];
  private done = false;
  stop: () => void = () => {};

  constructor(
    private readonly socket: WebSocket,
    private readonly maxQueue: number,
    private readonly maxBufferedBytes: number,
    private readonly onOverflow: () => void,
  ) {}

  push(result: ExecutionResult): boolean {
    if (this.done) return false;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter({ value: result, done: false });
    } else {
      this.items.push(result);
    }
    if (this.items.length > this.maxQueue || this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.end();
      this.onOverflow();
      return false;
    }
    return true;
  }

  room(): Promise<void> {
    if (
      this.done ||
      (this.items.length <= this.maxQueue / 2 && this.socket.bufferedAmount <= this.maxBufferedBytes / 2)
    ) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  private releaseRoom(): void {
    if (this.items.length > this.maxQueue / 2 && !this.done) return;
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    waiters.forEach((w) => w());
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const item = this.items.shift();
    if (item) {
      this.releaseRoom();
      return Promise.resolve({ value: item, done: false });
    }
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
    this.releaseRoom();
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.stop();
    this.waiter?.({ value: undefined, done: true });
    this.waiter = null;
    this.releaseRoom();
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }
}

/**
 * Parsed and validated documents by query text. Feeds open many identical subscriptions (a dashboard per
 * person, a service per partner); parsing and validating each again was most of the garbage of a reconnect
 * storm. Bounded: the oldest entries go first.
 */
class DocumentCache {
  private readonly entries = new Map<
    string,
    { document: DocumentNode; errors?: undefined } | { errors: readonly GraphQLError[]; document?: undefined }
  >();
  private readonly prints = new WeakMap<DocumentNode, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: ValidationRule[],
    private readonly max = 1000,
  ) {}

  prepare(query: string) {
    let entry = this.entries.get(query);
    if (!entry) {
      try {
        const document = parse(query, { maxTokens: 10_000 });
        const errors = validate(this.schema, document, this.rules);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (err) {
        entry = {
          errors: [err instanceof GraphQLError ? err : new GraphQLError('the query could not be parsed')],
        };
      }
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(query, entry);
    }
    return entry;
  }

  /** The document's canonical text: part of the cohort key. */
  printed(document: DocumentNode): string {
    let text = this.prints.get(document);
    if (text === undefined) this.prints.set(document, (text = print(document)));
    return text;
  }
}

function formatted(errors: readonly (GraphQLError | GraphQLFormattedError)[]): GraphQLFormattedError[] {
  return errors.map((e) => maskError(e instanceof GraphQLError ? e.toJSON() : e));
}

export function attachWebSocket<C extends object>(
  options: WebSocketOptions<C>,
): { close(): Promise<void>; connections(): number } {
  const { logger } = options;
  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes,
  });
  const viewers = new WeakMap<WebSocket, Viewer>();
  const checks = new Map<WebSocket, () => Promise<boolean>>();
  const timers = new Map<WebSocket, NodeJS.Timeout>();
  const rules = [...specifiedRules, ...options.validationRules];
  const documents = new DocumentCache(options.schema, rules);

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

  const disposable = useServer<Record<string, unknown> | undefined, Record<PropertyKey, never>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 3_000,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        if (authorization !== undefined && typeof authorization !== 'string') return false;
        let auth: Authenticated;
        try {
          auth = await options.authenticate(authorization);
        } catch (err) {
          if (!(err instanceof DomainError)) logger.error('[ws] authentication failed', err);
          return false;
        }
        const socket = ctx.extra.socket;
        viewers.set(socket, auth.viewer);
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
      },
      onSubscribe(ctx, _id, payload) {
        const prepared = documents.prepare(payload.query);
        if (prepared.errors) return prepared.errors;
        const document = prepared.document;
        const viewer = viewers.get(ctx.extra.socket)!;
        const scope = new RequestScope(viewer);
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: { ...options.context(scope), socket: ctx.extra.socket },
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
          return { errors: [new GraphQLError('expected one subscription field')] };
        }
        const fieldDef = subscriptionType.getFields()[fieldNode.name.value];
        if (!fieldDef) return { errors: [new GraphQLError(`unknown subscription ${fieldNode.name.value}`)] };
        const coerced = getVariableValues(
          options.schema,
          operation.variableDefinitions ?? [],
          args.variableValues ?? {},
        );
        if (coerced.errors) return { errors: coerced.errors };
        const queue = new SubscriptionQueue(socket, options.maxQueue, options.maxBufferedBytes, () => {
          if (socket.readyState === socket.OPEN) {
            logger.warn('[ws] closing a slow consumer; it will resume from its cursor');
            socket.close(CloseCode.SlowConsumer, 'Slow consumer: reconnect and resume from your last cursor');
          }
        });
        let fieldArgs: Record<string, unknown>;
        try {
          fieldArgs = getArgumentValues(fieldDef, fieldNode, coerced.coerced);
        } catch (err) {
          return { errors: [err instanceof GraphQLError ? err : new GraphQLError('invalid arguments')] };
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
          const code = error.extensions?.code;
          if (code === undefined || code === 'INTERNAL_SERVER_ERROR')
            logger.error('[ws] operation failed', error.originalError ?? error);
        }
        return { ...result, errors: formatted(result.errors) };
      },
      onError(_ctx, _id, _payload, errors) {
        return formatted(errors);
      },
    },
    wss,
  );

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
