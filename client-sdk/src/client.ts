/**
 * createRomgraphClient: typed methods for every query and mutation of the API, pagination for every connection,
 * and `request` for documents of your own. HTTP only here; the live feed is `client.events` (feed.ts).
 */
import { createClient, type Client } from 'graphql-ws';
import {
  ConnectionClosedError,
  NetworkError,
  RateLimitedError,
  RomgraphError,
  ServiceUnavailableError,
  errorFromResponse,
  type GraphQLErrorLike,
} from './errors.js';
import { documentText, isQuery, type AnyDocument, type ResultOf, type VariablesOf } from './document.js';
import {
  openFeed,
  type Feed,
  type FeedEvent,
  type FeedField,
  type FeedHandlers,
  type FeedNotification,
  type FeedOptions,
} from './feed.js';
import { FeedEventsDocument, FeedNotificationsDocument, type EventFilter } from './generated/graphql.js';
import { mutations, queries, type MutationDocuments, type QueryDocuments } from './generated/operations.js';

/**
 * How the client signs in: a person's token, a partner system's API key, or a function that returns a token
 * (asked for every request and every feed connection, so it can refresh).
 *
 * @example
 * const person: Auth = { token: await signIn() };
 * const system: Auth = { apiKey: process.env.ROMGRAPH_API_KEY! };
 * const refreshing: Auth = async () => (await tokens.current()).accessToken;
 */
export type Auth = { token: string } | { apiKey: string } | (() => string | Promise<string>);

/**
 * What `createRomgraphClient` takes.
 *
 * @example
 * import WebSocket from 'ws';
 * const options: RomgraphClientOptions = {
 *   url: 'https://romgraph.example.nl/graphql',
 *   auth: { apiKey: process.env.ROMGRAPH_API_KEY! },
 *   webSocketImpl: WebSocket,
 *   headers: { 'x-partner': 'crm-sync' },
 *   retries: 3,
 * };
 */
export interface RomgraphClientOptions {
  /** `http(s)://host/graphql`; the feed's `ws(s)://` address is derived from it. */
  url: string;
  /** Left out: anonymous, public data only. */
  auth?: Auth;
  /** A fetch of your own (tests, proxies); the global one by default (Node 20 has it). */
  fetch?: typeof fetch;
  /** Extra headers on every HTTP request. */
  headers?: Record<string, string>;
  /**
   * The WebSocket class for the live feed: in Node 20, `WebSocket` from the `ws` package; in browsers the
   * global one (the default).
   */
  webSocketImpl?: unknown;
  /**
   * How often a query is sent again after a network error, a 429, 502, 503 or 504 (each after the server's
   * Retry-After, in seconds or as a date, else a backoff with jitter). Mutations are never sent twice unless
   * a request says it is idempotent. Default 2.
   */
  retries?: number;
}

/** The variables argument: optional when every variable is. */
type Args<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * One method per root field: its variables in, that field's value out (the type of `client.query` and
 * `client.mutate`).
 *
 * @example
 * const lookups: Methods<QueryDocuments> = client.query;
 * const esmee = await lookups.initiative({ code: 'ESMEE' });
 */
export type Methods<Docs> = {
  [K in keyof Docs & string]: (
    ...args: Args<VariablesOf<Docs[K]>>
  ) => Promise<ResultOf<Docs[K]>[K & keyof ResultOf<Docs[K]>]>;
};

type Connection<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] };
type ConnectionFields = {
  [K in keyof QueryDocuments & string]: NonNullable<
    ResultOf<QueryDocuments[K]>[K & keyof ResultOf<QueryDocuments[K]>]
  > extends Connection<unknown>
    ? K
    : never;
}[keyof QueryDocuments & string];
type NodeOf<K extends ConnectionFields> =
  NonNullable<ResultOf<QueryDocuments[K]>[K & keyof ResultOf<QueryDocuments[K]>]> extends Connection<infer T>
    ? T
    : never;

/**
 * For every connection, the nodes of all its pages, fetched page by page as you iterate (100 per page unless
 * you pass `first`).
 *
 * @example
 * for await (const organisation of client.paginate.organisations({ filter: { kinds: ['TO2'] } })) {
 *   console.log(organisation.code);
 * }
 */
export type Paginators = {
  [K in ConnectionFields]: (
    variables?: Omit<VariablesOf<QueryDocuments[K]>, 'after'>,
  ) => AsyncIterableIterator<NodeOf<K>>;
};

/**
 * Options of one HTTP request.
 *
 * @example
 * const response = await client.execute(`{ viewer { role } }`, {}, {
 *   signal: AbortSignal.timeout(5_000),
 *   headers: { authorization: `Bearer ${otherToken}` },
 * });
 */
export interface ExecuteOptions {
  signal?: AbortSignal;
  /** Headers for this request only, over the client's (an `authorization` here replaces the client's). */
  headers?: Record<string, string>;
}

/**
 * Options of `client.request`: those of one HTTP request, and whether a mutation may be sent twice.
 *
 * @example
 * await client.request(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id }, { idempotent: true });
 */
export interface RequestOptions extends ExecuteOptions {
  /** Send again after a network error even though it is a mutation (it is idempotent, you know it is). */
  idempotent?: boolean;
}

/**
 * A whole GraphQL-over-HTTP response, as `client.execute` returns it: nothing thrown for GraphQL errors.
 *
 * @example
 * const response: RomgraphResponse<{ viewer: { role: string | null } }> = await client.execute(`{ viewer { role } }`);
 * console.log(response.status, response.requestId, response.data?.viewer.role, response.errors?.length ?? 0);
 */
export interface RomgraphResponse<R> {
  /** The HTTP status: 200, or 4xx/5xx as the GraphQL-over-HTTP specification says. */
  status: number;
  data?: R | null;
  errors?: GraphQLErrorLike[];
  extensions?: Record<string, unknown>;
  headers: Headers;
  /** The server's `x-request-id`, to quote when you report a problem. */
  requestId?: string;
}

/**
 * What a plain subscription hands you: each result as the server sent it.
 *
 * @example
 * const sink: SubscriptionSink<{ partnerJoined: { type: string } }> = {
 *   next: ({ data, errors }) => (errors ? console.error(errors) : console.log(data?.partnerJoined.type)),
 *   error: (error) => console.error(error.code),
 *   complete: () => console.log('done'),
 * };
 * client.subscribe(`subscription { partnerJoined { type } }`, {}, sink);
 */
export interface SubscriptionSink<R> {
  /** A result: `data`, or `errors` (then `complete` follows). */
  next(result: { data?: R | null; errors?: GraphQLErrorLike[] }): void;
  /** The subscription failed: its errors, or the connection closed ({@link ConnectionClosedError}). */
  error?(error: RomgraphError): void;
  /** The server ended the subscription. */
  complete?(): void;
}

/**
 * A client for one romgraph server, as `createRomgraphClient` makes it: a typed method per query and mutation,
 * and the members below.
 *
 * @example
 * async function rollCall(client: RomgraphClient): Promise<string[]> {
 *   const roms = await client.organisations({ first: 20, filter: { kinds: ['ROM'] } });
 *   return roms.nodes.map((rom) => rom.code);
 * }
 */
export type RomgraphClient = Omit<Methods<QueryDocuments>, 'events'> &
  Methods<MutationDocuments> & {
    /**
     * The live feed: every event you may see after `after` (or the stored cursor), then live, resuming from
     * the last delivered cursor after any disconnect. The events query is `client.query.events`.
     *
     * @example
     * const feed = client.events({ filter: { types: ['PARTNER_JOINED'] } }, {
     *   next(event) { console.log(event.type, event.initiative?.code); },
     *   error(err) { console.error(err); },
     * });
     * // later: await feed.stop();
     */
    events<E extends { cursor: string } = FeedEvent>(
      variables: { after?: string | null; filter?: EventFilter | null },
      handlers: FeedHandlers<E>,
      options?: FeedOptions,
    ): Feed;
    /**
     * Your inbox, live: every new notification (what you follow or take part in) after `after` or the stored
     * cursor, resuming from the last delivered one after any disconnect, as `events` does. Needs a signed-in
     * client (a token or an API key).
     *
     * @example
     * const inbox = client.notifications({}, {
     *   next(n) { console.log(n.reason, n.event.type, n.event.initiative?.code); },
     * }, { cursorStore: fileCursorStore('./inbox.cursor') });
     */
    notifications<N extends { cursor: string } = FeedNotification>(
      variables: { after?: string | null },
      handlers: FeedHandlers<N>,
      options?: FeedOptions,
    ): Feed;
    /**
     * Any document, typed when it carries its types (a generated document, a TypedDocumentNode): the escape hatch. Returns `data`; throws a
     * {@link RomgraphError} for any error (partial data included).
     *
     * @example
     * const { organisation } = await client.request(`query ($c: String!) { organisation(code: $c) { name } }`, {
     *   c: 'NOM',
     * });
     */
    request<R, V extends Record<string, unknown>>(
      document: AnyDocument<R, V>,
      variables?: V,
      options?: RequestOptions,
    ): Promise<R>;
    /**
     * One HTTP request, and its whole response: status, data, errors (partial results included), headers and
     * request id. Nothing is thrown for GraphQL errors and nothing is retried; a {@link NetworkError} when the
     * server cannot be reached or does not answer GraphQL.
     *
     * @example
     * const response = await client.execute(`{ viewer { organisation { code } } }`);
     * if (response.errors) console.log(response.status, response.errors[0]?.extensions?.code);
     */
    execute<R = any, V extends Record<string, unknown> = Record<string, unknown>>(
      document: AnyDocument<R, V>,
      variables?: V,
      options?: ExecuteOptions,
    ): Promise<RomgraphResponse<R>>;
    /**
     * A plain subscription over the client's one WebSocket (opened when the first subscription starts, closed
     * when the last ends). It does not resume after a disconnect: for that, use {@link RomgraphClient.events}.
     * Returns a function that ends the subscription.
     *
     * @example
     * const stop = client.subscribe(
     *   `subscription ($i: ID) { partnerJoined(initiativeId: $i) { type organisation { code } } }`,
     *   { i: initiativeId },
     *   { next: ({ data }) => console.log(data?.partnerJoined), error: console.error },
     * );
     * // later: stop();
     */
    subscribe<R = any, V extends Record<string, unknown> = Record<string, unknown>>(
      document: AnyDocument<R, V>,
      variables: V | undefined,
      sink: SubscriptionSink<R>,
    ): () => void;
    /**
     * Closes the WebSocket of `subscribe` (its subscriptions end without `complete`); resolves once it is
     * closed. Feeds of `events` have their own connections: stop them with `feed.stop()`.
     *
     * @example
     * await client.dispose();
     */
    dispose(): Promise<void>;
    /** Every query, by root field (also where a subscription shares its name, as `events` does). */
    query: Methods<QueryDocuments>;
    /** Every mutation, by root field. */
    mutate: Methods<MutationDocuments>;
    /** For every connection: all its nodes, page by page. */
    paginate: Paginators;
    /** The Authorization header the client sends now (null when anonymous). */
    authorization(): Promise<string | null>;
    /** The server's GraphQL address. */
    readonly url: string;
  };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** Backoff for attempt n (0-based): 250 ms doubling, up to 10 s, with full jitter. */
function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(10_000, 250 * 2 ** attempt));
}

/** HTTP statuses of a proxy or load balancer in front of the server, after which the same query may succeed. */
const RETRIED = new Set([429, 502, 503, 504]);

/** Retry-After as seconds: a number of seconds, or an HTTP date (RFC 9110, 10.2.3). */
function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** What graphql-ws reports as a subscription's failure, as one of our errors. */
function subscriptionError(error: unknown): RomgraphError {
  if (error instanceof RomgraphError) return error;
  if (Array.isArray(error)) return errorFromResponse(error as GraphQLErrorLike[]);
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number') {
    const reason = 'reason' in error && typeof error.reason === 'string' ? error.reason : '';
    return new ConnectionClosedError(error.code, reason);
  }
  return new NetworkError(`[romgraph] the WebSocket failed: ${String(error)}`, 'NETWORK_ERROR', [], {
    cause: error,
  });
}

/**
 * A client for one romgraph server.
 *
 * @example
 * const client = createRomgraphClient({ url: 'http://localhost:4000/graphql', auth: { apiKey } });
 * const roms = await client.organisations({ first: 20, filter: { kinds: ['ROM'] } });
 * for await (const initiative of client.paginate.initiatives({ filter: { themes: ['AGRI_FOOD'] } })) {
 *   console.log(initiative.code);
 * }
 */
export function createRomgraphClient(options: RomgraphClientOptions): RomgraphClient {
  const url = new URL(options.url).toString();
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!doFetch)
    throw new TypeError('[romgraph] no fetch: pass options.fetch (Node 18+ and browsers have one)');
  const retries = options.retries ?? 2;

  async function authorization(): Promise<string | null> {
    const auth = options.auth;
    if (!auth) return null;
    if (typeof auth === 'function') return `Bearer ${await auth()}`;
    return 'apiKey' in auth ? `ApiKey ${auth.apiKey}` : `Bearer ${auth.token}`;
  }

  async function execute<R>(
    document: AnyDocument,
    variables?: unknown,
    executeOptions: ExecuteOptions = {},
  ): Promise<RomgraphResponse<R>> {
    const { signal } = executeOptions;
    const authHeader = await authorization();
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(authHeader ? { authorization: authHeader } : {}),
          ...options.headers,
          ...executeOptions.headers,
        },
        body: JSON.stringify({ query: documentText(document), variables: variables ?? {} }),
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new NetworkError(
        `[romgraph] ${url} could not be reached: ${String(cause)}`,
        'NETWORK_ERROR',
        [],
        { cause },
      );
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let body: { data?: R | null; errors?: GraphQLErrorLike[]; extensions?: Record<string, unknown> };
    try {
      body = (await response.json()) as typeof body;
      if (typeof body !== 'object' || body === null) throw new TypeError('not an object');
    } catch (cause) {
      throw new NetworkError(
        `[romgraph] ${url} answered HTTP ${response.status} without a GraphQL response`,
        'NETWORK_ERROR',
        [],
        {
          status: response.status,
          requestId,
          cause,
          retryAfter: retryAfterSeconds(response.headers.get('retry-after')),
        },
      );
    }
    return { ...body, status: response.status, headers: response.headers, requestId };
  }

  async function send(
    document: AnyDocument,
    variables: unknown,
    executeOptions: ExecuteOptions,
  ): Promise<unknown> {
    const response = await execute(document, variables, executeOptions);
    const { status, requestId } = response;
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
    if (response.errors?.length) {
      throw errorFromResponse(response.errors, {
        status,
        requestId,
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      });
    }
    if (status < 200 || status > 299 || response.data == null) {
      throw new NetworkError(`[romgraph] ${url} answered HTTP ${status}`, 'NETWORK_ERROR', [], {
        status,
        requestId,
        retryAfter,
      });
    }
    return response.data;
  }

  async function request<R>(
    document: AnyDocument,
    variables?: Record<string, unknown>,
    requestOptions: RequestOptions = {},
  ): Promise<R> {
    const retriable = (requestOptions.idempotent ?? false) || isQuery(document);
    for (let attempt = 0; ; attempt++) {
      try {
        return (await send(document, variables, requestOptions)) as R;
      } catch (error) {
        const again =
          retriable &&
          attempt < retries &&
          (error instanceof RateLimitedError ||
            (error instanceof NetworkError && (error.status === undefined || RETRIED.has(error.status))));
        if (!again) throw error;
        const told =
          error instanceof RateLimitedError || error instanceof ServiceUnavailableError
            ? error.retryAfter
            : (error as NetworkError).retryAfter;
        const wait = told !== undefined ? told * 1000 : backoffMs(attempt);
        await sleep(wait, requestOptions.signal);
      }
    }
  }

  const methods = <Docs>(docs: Record<string, { document: AnyDocument }>): Methods<Docs> =>
    Object.fromEntries(
      Object.entries(docs).map(([field, { document }]) => [
        field,
        async (variables?: Record<string, unknown>) =>
          (await request<Record<string, unknown>>(document, variables))[field],
      ]),
    ) as unknown as Methods<Docs>;

  const query = methods<QueryDocuments>(queries);
  const mutate = methods<MutationDocuments>(mutations);

  const paginate = Object.fromEntries(
    Object.entries(queries)
      .filter(([, op]) => op.connection)
      .map(([field, { document }]) => [
        field,
        async function* (variables: Record<string, unknown> = {}) {
          let after: string | null = null;
          for (;;) {
            const answer: Record<string, Connection<unknown>> = await request(document, {
              first: 100,
              ...variables,
              after,
            });
            const page = answer[field]!;
            yield* page.nodes;
            if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
            after = page.pageInfo.endCursor;
          }
        },
      ]),
  ) as unknown as Paginators;

  const wsUrl = url.replace(/^http/, 'ws');
  const webSocketImpl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;

  function feed<E extends { cursor: string }>(
    source: FeedField,
    variables: Record<string, unknown> & { after?: string | null },
    handlers: FeedHandlers<E>,
    feedOptions?: FeedOptions,
  ): Feed {
    if (!webSocketImpl) {
      throw new TypeError("[romgraph] no WebSocket: pass webSocketImpl (in Node 20, WebSocket from 'ws')");
    }
    return openFeed<E>(
      { wsUrl, webSocketImpl, authorization, refreshable: typeof options.auth === 'function', backoffMs },
      source,
      variables,
      handlers,
      feedOptions,
    );
  }
  const events = <E extends { cursor: string }>(
    variables: { after?: string | null; filter?: EventFilter | null },
    handlers: FeedHandlers<E>,
    feedOptions?: FeedOptions,
  ) => feed<E>({ field: 'events', document: FeedEventsDocument }, variables, handlers, feedOptions);
  const notifications = <N extends { cursor: string }>(
    variables: { after?: string | null },
    handlers: FeedHandlers<N>,
    feedOptions?: FeedOptions,
  ) =>
    feed<N>(
      { field: 'notifications', document: FeedNotificationsDocument },
      variables,
      handlers,
      feedOptions,
    );

  // The one WebSocket of `subscribe`: opened lazily, closed when the last subscription ends.
  let connection: Client | null = null;
  let open = 0;
  let closedWaiters: (() => void)[] = [];
  function socket(): Client {
    if (!webSocketImpl) {
      throw new TypeError("[romgraph] no WebSocket: pass webSocketImpl (in Node 20, WebSocket from 'ws')");
    }
    connection ??= createClient({
      url: wsUrl,
      webSocketImpl,
      lazy: true,
      retryAttempts: 0,
      connectionParams: async () => {
        const authHeader = await authorization();
        return authHeader ? { authorization: authHeader } : {};
      },
      on: {
        opened: () => void open++,
        closed: () => {
          open = Math.max(0, open - 1);
          const waiters = closedWaiters;
          closedWaiters = [];
          waiters.forEach((w) => w());
        },
      },
    });
    return connection;
  }

  function subscribe<R>(
    document: AnyDocument,
    variables: Record<string, unknown> | undefined,
    sink: SubscriptionSink<R>,
  ): () => void {
    return socket().subscribe<R>(
      { query: documentText(document), variables: variables ?? {} },
      {
        next: (result) => sink.next(result as { data?: R | null; errors?: GraphQLErrorLike[] }),
        complete: () => sink.complete?.(),
        error: (error) => sink.error?.(subscriptionError(error)),
      },
    );
  }

  async function dispose(): Promise<void> {
    const current = connection;
    connection = null;
    if (!current) return;
    const closed = open > 0 ? new Promise<void>((resolve) => closedWaiters.push(resolve)) : undefined;
    await current.dispose();
    await closed;
  }

  return {
    ...query,
    ...mutate,
    events,
    notifications,
    execute: execute as RomgraphClient['execute'],
    subscribe: subscribe as RomgraphClient['subscribe'],
    dispose,
    query,
    mutate,
    paginate,
    request: request as RomgraphClient['request'],
    authorization,
    url,
  } as RomgraphClient;
}
