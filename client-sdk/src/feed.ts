/**
 * The live feed: `client.events(variables, handlers)` over graphql-transport-ws, resuming from the last cursor
 * it delivered after any disconnect.
 *
 * What "never misses" means: the server replays every event after the cursor you subscribe with, in log order,
 * then continues live (see the repository README, "Live updates"). The feed opens each connection with the
 * cursor of the last event your handler finished, so a reconnect - after 4420 slow consumer, 1001 shutdown, a
 * network loss, or your process restarting with a persistent cursor store - neither skips nor repeats an event.
 * It also drops any event whose cursor it delivered already. Across a crash inside your handler, the event it
 * was handling comes again (at least once): make handlers idempotent by cursor if that matters.
 */
import { createClient, type Client } from 'graphql-ws';
import {
  ConnectionClosedError,
  UnauthenticatedError,
  errorFromResponse,
  RomgraphError,
  type GraphQLErrorLike,
} from './errors.js';
import { memoryCursorStore, type CursorStore } from './cursor-store.js';
import { documentText, type AnyDocument } from './document.js';
import type { FeedEventsSubscription, FeedNotificationsSubscription } from './generated/graphql.js';

/**
 * An event as the feed's default selection has it (`documents/feed.graphql`): cursor, type, time, payload, and
 * the initiative, organisation, milestone or participation it concerns.
 *
 * @example
 * function describe(event: FeedEvent): string {
 *   return `${event.occurredAt} ${event.type} ${event.initiative?.code ?? ''} ${event.milestone?.title ?? ''}`;
 * }
 */
export type FeedEvent = FeedEventsSubscription['events'];

/**
 * A notification as the inbox feed's default selection has it (`documents/notifications.graphql`): its cursor,
 * reason, and the event with what it concerns.
 *
 * @example
 * function line(n: FeedNotification): string {
 *   return `${n.reason}: ${n.event.type} ${n.event.initiative?.code ?? ''}`;
 * }
 */
export type FeedNotification = FeedNotificationsSubscription['notifications'];

/**
 * What the feed calls: `next` for each event, `error` once if it gives up, `connected` on every connection.
 *
 * @example
 * const handlers: FeedHandlers<FeedEvent> = {
 *   async next(event) { await db.insert(event); },
 *   error(error) { alert(`the feed stopped: ${error.message}`); },
 *   connected({ reconnects }) { if (reconnects) console.log('back online'); },
 * };
 */
export interface FeedHandlers<E> {
  /** Each event, in log order, one at a time: the next waits until a returned promise settles. */
  next(event: E): void | Promise<void>;
  /** The feed gave up: credentials refused twice, a bad cursor or filter, or `next` threw. */
  error?(error: RomgraphError): void;
  /** A connection is open (again): `reconnects` counts the ones before it. */
  connected?(info: { reconnects: number }): void;
}

/**
 * Options of a feed: where it keeps its cursor, and the selection it asks for.
 *
 * @example
 * import { parse } from 'graphql';
 * const options: FeedOptions = {
 *   cursorStore: fileCursorStore('./romgraph.cursor'),
 *   document: parse(`subscription ($after: String, $filter: EventFilter) {
 *     events(after: $after, filter: $filter) { cursor type initiative { code title themes } } }`),
 * };
 */
export interface FeedOptions {
  /** Where the last cursor is kept (memory by default). A cursor given as `after` wins over a stored one. */
  cursorStore?: CursorStore;
  /** A subscription document of your own on the feed's field (`events`, `notifications`); it must select `cursor`. */
  document?: AnyDocument;
}

/**
 * A running feed, as `client.events` returns it.
 *
 * @example
 * const feed = client.events({}, { next: handle });
 * process.once('SIGTERM', () => void feed.stop());
 * await feed.done; // after stop(), or rejects when the feed gave up
 * console.log('stopped at', feed.cursor);
 */
export interface Feed {
  /** Closes the connection and stops reconnecting. */
  stop(): Promise<void>;
  /** The cursor of the last event delivered. */
  readonly cursor: string | null;
  /** Settles when the feed ends: after stop(), or when it gave up (rejects with the error). */
  readonly done: Promise<void>;
}

/** What `client.events` hands the feed: where to connect, and how to sign in and back off. */
export interface FeedContext {
  wsUrl: string;
  webSocketImpl: unknown;
  authorization(): Promise<string | null>;
  /** Whether asking for credentials again can give other ones (a token function). */
  refreshable: boolean;
  backoffMs(attempt: number): number;
}

/** Close codes after which reconnecting with the same request can only fail again. */
const FATAL_CLOSES = new Set([4400, 4004, 4500]);

const closeCodeOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number'
    ? error.code
    : undefined;

/** Which subscription a feed reads: its root field and its default document. */
export interface FeedField {
  field: string;
  document: AnyDocument;
}

/** The feed behind `client.events` and `client.notifications` (see the module's comment for what it promises). */
export function openFeed<E extends { cursor: string }>(
  context: FeedContext,
  source: FeedField,
  variables: Record<string, unknown> & { after?: string | null },
  handlers: FeedHandlers<E>,
  options: FeedOptions = {},
): Feed {
  const store = options.cursorStore ?? memoryCursorStore();
  const query = documentText(options.document ?? source.document);
  const delivered = new Set<string>();
  const recent: string[] = [];
  let cursor: string | null = null;
  let stopped = false;
  let client: Client | null = null;
  let wake: (() => void) | null = null;

  const remember = (c: string) => {
    delivered.add(c);
    recent.push(c);
    if (recent.length > 10_000) delivered.delete(recent.shift()!);
  };

  async function run(): Promise<void> {
    cursor = variables.after ?? (await store.load());
    let reconnects = 0;
    let attempt = 0;
    let refusedOnce = false;
    while (!stopped) {
      const authorization = await context.authorization();
      const connection = createClient({
        url: context.wsUrl,
        webSocketImpl: context.webSocketImpl,
        retryAttempts: 0,
        lazy: true,
        connectionParams: authorization ? { authorization } : {},
        on: {
          connected: () => {
            attempt = 0;
            refusedOnce = false;
            handlers.connected?.({ reconnects });
          },
        },
      });
      client = connection;
      // The events of this connection, handled one at a time, in order.
      let queue = Promise.resolve();
      let failed: RomgraphError | null = null;
      let unsubscribe = () => {};
      const ended = await new Promise<{ error?: unknown }>((resolve) => {
        wake = () => resolve({});
        unsubscribe = connection.subscribe<Record<string, E>>(
          { query, variables: { ...variables, after: cursor } },
          {
            next: (result) => {
              if (result.errors?.length) {
                failed = errorFromResponse(result.errors as GraphQLErrorLike[]);
                return resolve({});
              }
              const event = result.data?.[source.field];
              if (!event) return;
              queue = queue.then(async () => {
                if (stopped || failed || delivered.has(event.cursor)) return;
                try {
                  await handlers.next(event);
                } catch (cause) {
                  failed = new RomgraphError(
                    `[romgraph] the feed's next handler threw: ${String(cause)}`,
                    'HANDLER_ERROR',
                    [],
                    {
                      cause,
                    },
                  );
                  resolve({});
                  return;
                }
                remember(event.cursor);
                cursor = event.cursor;
                await store.save(event.cursor);
              });
            },
            error: (error) => resolve({ error }),
            complete: () => resolve({}),
          },
        );
      });
      wake = null;
      await queue;
      // Released before the socket closes: woken while still connecting, graphql-ws would otherwise send the
      // subscribe on a closing socket once the ack arrived (browsers log "WebSocket is already in CLOSING").
      unsubscribe();
      await connection.dispose();
      client = null;
      if (stopped) return;
      if (failed) throw failed;
      const code = closeCodeOf(ended.error);
      if (Array.isArray(ended.error)) throw errorFromResponse(ended.error as GraphQLErrorLike[]);
      if (code === 4403) {
        if (refusedOnce || !context.refreshable) {
          throw new UnauthenticatedError(
            '[romgraph] the server refused the credentials of the live feed (4403): sign in again',
            'UNAUTHENTICATED',
          );
        }
        refusedOnce = true; // ask the auth function once more, at once
        reconnects++;
        continue;
      }
      if (code !== undefined && FATAL_CLOSES.has(code)) {
        const reason = (ended.error as { reason?: unknown }).reason;
        throw new ConnectionClosedError(code, typeof reason === 'string' ? reason : '');
      }
      // 4420 slow consumer, 1001 going away, 1013 try again later, a network loss: reconnect from the cursor.
      reconnects++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, context.backoffMs(attempt++));
        wake = () => (clearTimeout(timer), resolve());
      });
      wake = null;
    }
  }

  const done = run().catch((error: unknown) => {
    const typed =
      error instanceof RomgraphError
        ? error
        : new RomgraphError(`[romgraph] the live feed failed: ${String(error)}`, 'FEED_ERROR', [], {
            cause: error,
          });
    handlers.error?.(typed);
    throw typed;
  });
  // A feed whose caller only listens through `error` must not raise an unhandled rejection.
  done.catch(() => {});

  return {
    async stop() {
      stopped = true;
      wake?.();
      await client?.dispose();
      await done.catch(() => {});
    },
    get cursor() {
      return cursor;
    },
    done,
  };
}
