/**
 * The live feed of one server instance. It reads the event log once (not once per subscriber) whenever it is
 * woken - by a local commit, a Redis wake-up from another instance, or its own poll - and fans each new event
 * out in memory. Subscribers that share the same operation, variables and access form a cohort: the event's
 * selection is executed once per cohort and the result handed to each of them (as Hasura groups live queries).
 *
 * Guarantees, per subscriber: every event it may see, once, in log order. With `after` it first replays from
 * the log (through the same access rules, as SQL) and joins the live stream exactly where the replay ended.
 * Access is decided at delivery time with the initiative's current visibility and participants.
 */
import { GraphQLError, execute, type DocumentNode, type ExecutionResult } from 'graphql';
import { accessCohortKey, canSeeEvent, type EventAccessFacts } from '../infra/auth/access.js';
import type { Viewer } from '../infra/auth/viewer.js';
import { KeyedSemaphore, Semaphore } from '../infra/concurrency.js';
import { isPublicError } from '../infra/errors.js';
import type { GraphQLSchema } from 'graphql';
import type { PageRequest } from '../infra/graphql/connection.js';
import type { Logger } from '../infra/logger.js';
import { RequestScope } from '../infra/request-scope.js';
import { seqOfCursor } from './event-log.js';
import type { EventLogReader, InitiativeAccess } from './event-reader.js';
import { matchesFeed, type FeedEvent, type FeedFacts, type FeedFilter } from './subscriptions.js';

/** What an event's execution needs of its context: a scope of its own (loaders, the viewer). */
export interface FeedContext {
  scope: RequestScope;
}

/** What the feed takes from the application: its event objects and how to execute and replay them. */
export interface FeedSource<E extends FeedEvent, C extends FeedContext> {
  /** The log, read as the application's event objects. */
  reader: EventLogReader<E>;
  /** A fresh execution context for a viewer (its own DataLoaders, nothing cached longer). */
  context(viewer: Viewer): C;
  /** The events after `page.after` that the context's viewer may see and the filter selects, for replays. */
  matching(context: C, filter: FeedFilter, page: PageRequest): Promise<E[]>;
}

export interface FeedOptions {
  /** Fallback poll of the log, in ms (wake-ups make delivery faster than this). */
  pollMs: number;
  /** Events read from the log per round. */
  batchSize: number;
  /** Subscriptions replaying at once (each holds a page of events and its socket's buffer); the rest queue. */
  maxReplays: number;
  /** Subscriptions of one caller replaying at once, so one caller cannot take every replay slot. */
  maxReplaysPerCaller: number;
}

/** One subscription, as the feed sees it. */
export interface FeedSubscription {
  readonly viewer: Viewer;
  /** Who subscribed, for the per-caller replay limit (see `callerKey`). */
  readonly caller: string;
  readonly filter: FeedFilter;
  /** Receives each result in order; returns false once the subscriber is gone. */
  deliver(result: ExecutionResult, seq: bigint): boolean;
  /** Resolves when the subscriber can take more (a replay waits on it, so it never overflows). */
  room(): Promise<void>;
}

interface Operation {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

interface Member {
  subscription: FeedSubscription;
  /** Highest seq delivered; nothing at or below it is delivered again. */
  cursor: bigint;
}

interface Cohort {
  key: string;
  viewer: Viewer;
  filter: FeedFilter;
  operation: Operation;
  members: Set<Member>;
}

const REPLAY_PAGE = 500;

export class EventFeed<E extends FeedEvent = FeedEvent, C extends FeedContext = FeedContext> {
  private readonly reader: EventLogReader<E>;
  private readonly cohorts = new Map<string, Cohort>();
  private lastSeq = 0n;
  private started = false;
  private stopped = false;
  private reading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private failures = 0;
  private readonly replays: Semaphore;
  private readonly callerReplays: KeyedSemaphore;
  private readonly observers: ((batch: readonly E[]) => Promise<void>)[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly source: FeedSource<E, C>,
    private readonly options: FeedOptions,
    private readonly logger: Logger,
  ) {
    this.reader = source.reader;
    this.replays = new Semaphore(options.maxReplays);
    this.callerReplays = new KeyedSemaphore(options.maxReplaysPerCaller);
  }

  async start(): Promise<void> {
    this.lastSeq = BigInt(await this.reader.lastSeq());
    this.started = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
    for (const cohort of this.cohorts.values()) cohort.members.clear();
    this.cohorts.clear();
  }

  /**
   * Hears each batch of new events before any subscriber does (and again if the round fails and is read
   * again), so state kept in step with the log (the in-memory network) is never staler than the feed.
   */
  observe(observer: (batch: readonly E[]) => Promise<void>): void {
    this.observers.push(observer);
  }

  /** Number of live subscribers (for metrics and tests). */
  get size(): number {
    let n = 0;
    for (const cohort of this.cohorts.values()) n += cohort.members.size;
    return n;
  }

  /** Something was committed (here or on another instance): read the log soon. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readLoop().finally(() => {
      this.reading = null;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
      this.schedule();
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const backoff =
      this.failures === 0 ? this.options.pollMs : Math.min(this.options.pollMs * 2 ** this.failures, 10_000);
    this.timer = setTimeout(() => this.wake(), backoff);
    this.timer.unref();
  }

  private whenIdle(): Promise<void> {
    return this.reading ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private async readLoop(): Promise<void> {
    do {
      this.again = false;
      let batch: E[];
      try {
        batch = await this.reader.after(this.lastSeq.toString(), this.options.batchSize);
        // Deliver before moving the position: a round that fails is read and delivered again, in full
        // (subscribers' cursors drop what they already have).
        if (batch.length > 0) {
          for (const observe of this.observers) await observe(batch);
          await this.fanOut(batch);
        }
        if (this.failures > 0) this.logger.info('[events] the event log is readable again');
        this.failures = 0;
      } catch (err) {
        if (this.failures++ === 0) {
          this.logger.warn(
            `[events] cannot read the event log (${(err as Error).message}); retrying with backoff`,
          );
        }
        return;
      }
      if (batch.length === 0) return;
      this.lastSeq = BigInt(batch.at(-1)!.seq);
      if (batch.length === this.options.batchSize) this.again = true;
    } while (this.again && !this.stopped);
  }

  private async fanOut(batch: E[]): Promise<void> {
    if (this.cohorts.size === 0) return;
    const initiativePks = [
      ...new Set(batch.map((e) => e.initiativePk).filter((pk): pk is number => pk !== null)),
    ];
    const access: Map<number, InitiativeAccess> = await this.reader.access(initiativePks);
    // Organisation kinds only when a subscription filters by them (one more statement per batch then).
    let byKind = false;
    for (const c of this.cohorts.values()) if (c.filter.organisationKinds?.length) byKind = true;
    const kinds = byKind
      ? await this.reader.organisationKinds([...new Set(batch.flatMap((e) => e.organisationPks))])
      : new Map<number, string>();
    const lookups: FeedFacts = {
      themesOf: (pk) => access.get(pk)?.themes,
      kindOf: (pk) => kinds.get(pk),
    };
    const none = new Set<number>();
    const facts = (event: E): EventAccessFacts => {
      const { audience } = event;
      if (event.initiativePk === null) return { visibility: null, participantPks: none, audience };
      // An initiative that no longer exists is visible to nobody but ADMIN.
      const known = access.get(event.initiativePk);
      return known
        ? { visibility: known.visibility, participantPks: known.participantPks, audience }
        : { visibility: 'PARTICIPANTS', participantPks: none, audience };
    };
    await Promise.all(
      [...this.cohorts.values()].map(async (cohort) => {
        const events = batch.filter(
          (e) => matchesFeed(cohort.filter, e, lookups) && canSeeEvent(cohort.viewer, facts(e)),
        );
        if (events.length === 0) return;
        // One scope per cohort and batch: the batch's executions share DataLoaders, and nothing is cached longer.
        const context = this.source.context(cohort.viewer);
        const results = await Promise.all(events.map((event) => this.run(cohort.operation, event, context)));
        const seqs = events.map((e) => BigInt(e.seq));
        // (Deleting the current member of a Set while iterating it is safe.)
        for (const member of cohort.members) {
          for (let i = 0; i < events.length; i++) {
            const seq = seqs[i]!;
            if (seq <= member.cursor) continue;
            member.cursor = seq;
            if (!member.subscription.deliver(results[i]!, seq)) {
              this.leave(cohort, member);
              break;
            }
          }
        }
      }),
    );
  }

  /**
   * Executes an event's selection. A failure that is not the caller's (a dropped database connection while
   * PostgreSQL restarts, reported as SERVICE_UNAVAILABLE) is retried once with fresh loaders, so a subscriber
   * does not get a half-empty event.
   */
  private async run(operation: Operation, event: E, context: C, retry = true): Promise<ExecutionResult> {
    let result: ExecutionResult;
    try {
      result = await execute({
        schema: this.schema,
        document: operation.document,
        operationName: operation.operationName ?? undefined,
        variableValues: operation.variableValues ?? undefined,
        rootValue: event,
        contextValue: context,
      });
    } catch (err) {
      this.logger.error(`[events] executing event ${event.seq} failed`, err);
      result = {
        errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })],
      };
    }
    // Ours to retry: internal failures and a database that went away (SERVICE_UNAVAILABLE) mid-execution.
    const retryable = result.errors?.some(
      (e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' || !isPublicError(e),
    );
    if (!retryable || !retry) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return this.run(operation, event, this.source.context(context.scope.viewer), false);
  }

  /**
   * Adds a subscription: replays after its cursor (if any), then joins the live stream with no gap and no
   * duplicate. Resolves once it is live; returns the function that removes it.
   */
  async join(operation: Operation, subscription: FeedSubscription, printed: string): Promise<() => void> {
    if (!this.started) throw new Error('[events] the feed is not started');
    const key = `${accessCohortKey(subscription.viewer)}\u0000${printed}\u0000${operation.operationName ?? ''}\u0000${JSON.stringify(operation.variableValues ?? {})}`;
    const member: Member = { subscription, cursor: -1n };
    const after = subscription.filter.after;
    if (after === null) {
      await this.whenIdle();
      member.cursor = this.lastSeq;
    } else {
      member.cursor = BigInt(seqOfCursor(after));
      for (;;) {
        if (this.stopped) return () => {};
        if (member.cursor >= this.lastSeq) {
          // Caught up, and the feed is between rounds: join now, synchronously, so no round slips between.
          if (!this.reading) break;
          await this.whenIdle();
          continue;
        }
        // Replays take a slot (per caller first, so a caller waiting on its own turn holds no shared one).
        const live = await this.callerReplays.run(subscription.caller, () =>
          this.replays.run(() => this.replay(operation, subscription, member)),
        );
        if (!live) return () => {};
      }
    }
    let cohort = this.cohorts.get(key);
    if (!cohort) {
      cohort = {
        key,
        viewer: subscription.viewer,
        filter: subscription.filter,
        operation,
        members: new Set(),
      };
      this.cohorts.set(key, cohort);
    }
    cohort.members.add(member);
    const joined = cohort;
    return () => this.leave(joined, member);
  }

  /**
   * Delivers the log after the member's cursor up to the feed's position, a page at a time; false once the
   * subscriber is gone. The log is commit-ordered, so everything a page returns is final: replaying past the
   * feed's own position is safe, and the live stream skips what the replay already delivered.
   */
  private async replay(
    operation: Operation,
    subscription: FeedSubscription,
    member: Member,
  ): Promise<boolean> {
    while (!this.stopped && member.cursor < this.lastSeq) {
      const readUpTo = this.lastSeq;
      const page: PageRequest = { first: REPLAY_PAGE, after: [member.cursor.toString()] };
      const context = this.source.context(subscription.viewer);
      const nodes = await this.source.matching(context, subscription.filter, page);
      const results = await Promise.all(nodes.map((event) => this.run(operation, event, context)));
      for (let i = 0; i < nodes.length; i++) {
        const seq = BigInt(nodes[i]!.seq);
        await subscription.room();
        if (!subscription.deliver(results[i]!, seq)) return false;
        member.cursor = seq;
      }
      // A short page means nothing else up to the feed's position concerns this subscriber.
      if (nodes.length < REPLAY_PAGE && member.cursor < readUpTo) member.cursor = readUpTo;
    }
    return true;
  }

  private leave(cohort: Cohort, member: Member): void {
    cohort.members.delete(member);
    if (cohort.members.size === 0 && this.cohorts.get(cohort.key) === cohort) this.cohorts.delete(cohort.key);
  }
}
