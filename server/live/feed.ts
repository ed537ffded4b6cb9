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
import { SpanKind, traced } from '../infra/tracing.js';
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
import type { EventLogReader } from './event-reader.js';
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

/**
 * A subscription whose events are chosen per subscriber, from state it keeps in step with the log (an inbox:
 * what one follows and takes part in). The feed loads it, replays through it, and hands it every later event
 * in log order.
 */
export interface PersonalRoute<E extends FeedEvent = FeedEvent> {
  /** Loads the subscriber's state from the database; resolves to the seq the state stands at. */
  load(): Promise<bigint>;
  /**
   * Why `event` concerns the subscriber (null: it does not), then applies what the event changes of the state
   * (events at or below the state's seq are already in it: null, and nothing changes).
   */
  route(event: E, facts: FeedFacts): string | null;
  /** The root value to execute the subscription's selection with, for an event and its reason. */
  root(event: E, reason: string): unknown;
  /** What the subscriber may have missed after `after`, up to and including `upTo`: oldest first, at most `limit`. */
  replay(after: bigint, upTo: bigint, limit: number): Promise<{ seq: bigint; root: unknown }[]>;
}

/** One subscription, as the feed sees it. */
export interface FeedSubscription<E extends FeedEvent = FeedEvent> {
  readonly viewer: Viewer;
  /** Who subscribed, for the per-caller replay limit (see `callerKey`). */
  readonly caller: string;
  readonly filter: FeedFilter;
  /** Receives each result in order; returns false once the subscriber is gone. */
  deliver(result: ExecutionResult, seq: bigint): boolean;
  /** Resolves when the subscriber can take more (a replay waits on it, so it never overflows). */
  room(): Promise<void>;
  /** Set for a personal subscription: its events are routed per subscriber, not by `filter`. */
  personal?: PersonalRoute<E>;
}

interface Operation {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

interface Member<E extends FeedEvent> {
  subscription: FeedSubscription<E>;
  /** Highest seq delivered; nothing at or below it is delivered again. */
  cursor: bigint;
}

interface Cohort<E extends FeedEvent> {
  key: string;
  viewer: Viewer;
  filter: FeedFilter;
  operation: Operation;
  /** Personal subscriptions: each member routes events itself (see PersonalRoute). */
  personal: boolean;
  members: Set<Member<E>>;
}

const REPLAY_PAGE = 500;

export class EventFeed<E extends FeedEvent = FeedEvent, C extends FeedContext = FeedContext> {
  private readonly reader: EventLogReader<E>;
  private readonly cohorts = new Map<string, Cohort<E>>();
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
  private readonly deliveredTo: ((batch: readonly E[]) => void)[] = [];

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

  /** Hears of each batch once it has been handed to every live subscriber (the delivery lag, for metrics). */
  onDelivered(listener: (batch: readonly E[]) => void): void {
    this.deliveredTo.push(listener);
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
          await traced('events.deliver', SpanKind.INTERNAL, { 'romgraph.events': batch.length }, () =>
            this.fanOut(batch),
          );
          for (const listener of this.deliveredTo) listener(batch);
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
    // Organisation kinds only when a subscription filters by them (one more statement per batch then).
    let byKind = false;
    for (const c of this.cohorts.values()) if (c.filter.organisationKinds?.length) byKind = true;
    // Once per batch, not once per cohort: what each event's reader must be allowed to see.
    const { lookups, access: accessFacts } = await this.reader.factsOf(batch, byKind);
    await Promise.all(
      [...this.cohorts.values()].map(async (cohort) => {
        if (cohort.personal) return this.fanOutPersonal(cohort, batch, lookups, accessFacts);
        const events = batch.filter(
          (e, i) => matchesFeed(cohort.filter, e, lookups) && canSeeEvent(cohort.viewer, accessFacts[i]!),
        );
        if (events.length === 0) return;
        // One scope per cohort and batch: the batch's executions share DataLoaders, and nothing is cached longer.
        const context = this.source.context(cohort.viewer);
        const results = await Promise.all(
          events.map((event) => this.run(cohort.operation, event, event.seq, context)),
        );
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
   * A personal cohort (same access, same selection): every member routes each event of the batch itself, in
   * order; each (event, reason) that any member gets is executed once for the cohort.
   */
  private async fanOutPersonal(
    cohort: Cohort<E>,
    batch: E[],
    lookups: FeedFacts,
    accessFacts: readonly EventAccessFacts[],
  ): Promise<void> {
    const visible = accessFacts.map((facts) => canSeeEvent(cohort.viewer, facts));
    const routed = new Map<Member<E>, { index: number; reason: string }[]>();
    const wanted = new Map<string, { index: number; reason: string }>();
    for (const member of cohort.members) {
      const route = member.subscription.personal!;
      const mine: { index: number; reason: string }[] = [];
      for (let i = 0; i < batch.length; i++) {
        // Every event goes through the route, seen or not, so its state keeps in step with the log.
        const reason = route.route(batch[i]!, lookups);
        if (reason === null || !visible[i] || BigInt(batch[i]!.seq) <= member.cursor) continue;
        mine.push({ index: i, reason });
        wanted.set(`${i}:${reason}`, { index: i, reason });
      }
      routed.set(member, mine);
    }
    if (wanted.size === 0) return;
    const context = this.source.context(cohort.viewer);
    const [anyMember] = cohort.members;
    const results = new Map<string, ExecutionResult>();
    await Promise.all(
      [...wanted].map(async ([key, { index, reason }]) => {
        const event = batch[index]!;
        const root = anyMember!.subscription.personal!.root(event, reason);
        results.set(key, await this.run(cohort.operation, root, event.seq, context));
      }),
    );
    for (const [member, mine] of routed) {
      for (const { index, reason } of mine) {
        const seq = BigInt(batch[index]!.seq);
        if (seq <= member.cursor) continue;
        member.cursor = seq;
        if (!member.subscription.deliver(results.get(`${index}:${reason}`)!, seq)) {
          this.leave(cohort, member);
          break;
        }
      }
    }
  }

  /**
   * Executes an event's selection. A failure that is not the caller's (a dropped database connection while
   * PostgreSQL restarts, reported as SERVICE_UNAVAILABLE) is retried once with fresh loaders, so a subscriber
   * does not get a half-empty event.
   */
  private async run(
    operation: Operation,
    root: unknown,
    seq: string,
    context: C,
    retry = true,
  ): Promise<ExecutionResult> {
    let result: ExecutionResult;
    try {
      result = await execute({
        schema: this.schema,
        document: operation.document,
        operationName: operation.operationName ?? undefined,
        variableValues: operation.variableValues ?? undefined,
        rootValue: root,
        contextValue: context,
      });
    } catch (err) {
      this.logger.error(`[events] executing event ${seq} failed`, err);
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
    return this.run(operation, root, seq, this.source.context(context.scope.viewer), false);
  }

  /**
   * Adds a subscription: replays after its cursor (if any), then joins the live stream with no gap and no
   * duplicate. Resolves once it is live; returns the function that removes it.
   */
  async join(operation: Operation, subscription: FeedSubscription<E>, printed: string): Promise<() => void> {
    if (!this.started) throw new Error('[events] the feed is not started');
    const personal = subscription.personal;
    const key = `${personal ? 'personal' : 'filter'}\u0000${accessCohortKey(subscription.viewer)}\u0000${printed}\u0000${operation.operationName ?? ''}\u0000${JSON.stringify(operation.variableValues ?? {})}`;
    const member: Member<E> = { subscription, cursor: -1n };
    const after = subscription.filter.after;
    if (personal) {
      if (!(await this.catchUpPersonal(operation, subscription, member, personal, after))) return () => {};
    } else if (after === null) {
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
        const live = await this.replaySlot(subscription, () => this.replay(operation, subscription, member));
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
        personal: personal !== undefined,
        members: new Set(),
      };
      this.cohorts.set(key, cohort);
    }
    cohort.members.add(member);
    const joined = cohort;
    return () => this.leave(joined, member);
  }

  /** Replays take a slot (per caller first, so a caller waiting on its own turn holds no shared one). */
  private replaySlot(subscription: FeedSubscription<E>, replay: () => Promise<boolean>): Promise<boolean> {
    return this.callerReplays.run(subscription.caller, () => this.replays.run(replay));
  }

  /**
   * A personal subscription's start: its state is loaded as of some seq S (the database's position when it
   * loaded), what it missed after `after` is replayed up to S or the feed's position, whichever is later, and it
   * joins once the feed stands at or below S between rounds - so every later event passes through its state in
   * order. If the feed has moved past S meanwhile, the state is loaded again. False once the subscriber is gone.
   */
  private async catchUpPersonal(
    operation: Operation,
    subscription: FeedSubscription<E>,
    member: Member<E>,
    personal: PersonalRoute<E>,
    after: string | null,
  ): Promise<boolean> {
    member.cursor = after === null ? -1n : BigInt(seqOfCursor(after));
    for (;;) {
      if (this.stopped) return false;
      const stateAt = await personal.load();
      if (after === null) member.cursor = stateAt > this.lastSeq ? stateAt : this.lastSeq;
      const target = stateAt > this.lastSeq ? stateAt : this.lastSeq;
      if (member.cursor < target) {
        const live = await this.replaySlot(subscription, () =>
          this.replayPersonal(operation, subscription, member, personal, target),
        );
        if (!live) return false;
      }
      await this.whenIdle();
      // Between rounds now: join synchronously if nothing was read past the state since it was loaded.
      if (!this.reading && this.lastSeq <= stateAt && member.cursor >= stateAt) return true;
    }
  }

  /** Delivers a personal subscription's notifications after its cursor, up to `upTo`, a page at a time. */
  private async replayPersonal(
    operation: Operation,
    subscription: FeedSubscription<E>,
    member: Member<E>,
    personal: PersonalRoute<E>,
    upTo: bigint,
  ): Promise<boolean> {
    while (!this.stopped && member.cursor < upTo) {
      const page = await personal.replay(member.cursor, upTo, REPLAY_PAGE);
      const context = this.source.context(subscription.viewer);
      const results = await Promise.all(
        page.map(({ seq, root }) => this.run(operation, root, seq.toString(), context)),
      );
      for (let i = 0; i < page.length; i++) {
        await subscription.room();
        if (!subscription.deliver(results[i]!, page[i]!.seq)) return false;
        member.cursor = page[i]!.seq;
      }
      if (page.length < REPLAY_PAGE) member.cursor = upTo;
    }
    return true;
  }

  /**
   * Delivers the log after the member's cursor up to the feed's position, a page at a time; false once the
   * subscriber is gone. The log is commit-ordered, so everything a page returns is final: replaying past the
   * feed's own position is safe, and the live stream skips what the replay already delivered.
   */
  private async replay(
    operation: Operation,
    subscription: FeedSubscription<E>,
    member: Member<E>,
  ): Promise<boolean> {
    while (!this.stopped && member.cursor < this.lastSeq) {
      const readUpTo = this.lastSeq;
      const page: PageRequest = { first: REPLAY_PAGE, after: [member.cursor.toString()] };
      const context = this.source.context(subscription.viewer);
      const nodes = await this.source.matching(context, subscription.filter, page);
      const results = await Promise.all(nodes.map((event) => this.run(operation, event, event.seq, context)));
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

  private leave(cohort: Cohort<E>, member: Member<E>): void {
    cohort.members.delete(member);
    if (cohort.members.size === 0 && this.cohorts.get(cohort.key) === cohort) this.cohorts.delete(cohort.key);
  }
}
