/**
 * Rate limits per caller (API key, token subject, or address when anonymous), after GitHub's GraphQL API: every
 * operation spends points from an hourly budget by what it may return (its cost, see infra/graphql/cost.ts: one
 * point per 100 objects, at least one), and no caller sends more than a burst of operations a minute whatever
 * they cost. The counters live in Redis, so every instance spends from one budget; while Redis is away each
 * instance counts in memory on its own (rate-limiter-flexible's insurance limiter) and says so in the log.
 */
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { createClient, type RedisClientType } from 'redis';
import { DomainError } from '../errors.js';
import { Allowances, LIFETIME_MS } from './rate-limit-allowances.js';
import type { Logger } from '../logger.js';

export interface RateLimitSettings {
  enabled: boolean;
  /** Points an hour for a caller with a token or an API key. */
  pointsPerHour: number;
  /** Points an hour for an anonymous address. */
  anonymousPointsPerHour: number;
  /** Operations a minute, whatever they cost. */
  burstPerMinute: number;
  /** Prefix of the counters' Redis keys (deployments sharing one Redis keep apart by it). */
  keyPrefix: string;
}

/** Where a caller stands after (or without) an operation: what `viewer.rateLimit` and the headers say. */
export interface RateLimitState {
  /** Points of the hour. */
  limit: number;
  remaining: number;
  used: number;
  /** When the hour's budget is whole again. */
  resetAt: Date;
  /** What this operation spent. */
  cost: number;
}

export const RATE_LIMITED = 'RATE_LIMITED';

/** Points an operation that may return `objects` objects spends: one per hundred, at least one. */
export function pointsOf(objects: number): number {
  return Math.max(1, Math.ceil(objects / 100));
}

export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly state: RateLimitState,
  ) {
    super(RATE_LIMITED, message, {
      retryAfter: retryAfterSeconds,
      limit: state.limit,
      resetAt: state.resetAt.toISOString(),
    });
  }
}

const HOUR = 3600;
/**
 * How long one Redis answer may take. node-redis bounds no reply: a Redis that stops answering without closing
 * the connection (a frozen host, a network dropping packets) would otherwise hold every request.
 */
const REDIS_DEADLINE_MS = 250;
/** After a missed deadline, the limits count in memory this long before Redis is asked again. */
const STALL_BACKOFF_MS = 5_000;
const LATE = Symbol('late');

/** One limit: counted in Redis when there is one (with the memory limiter as its insurance), else in memory. */
interface Limiter {
  shared: RateLimiterAbstract | null;
  memory: RateLimiterAbstract;
  /** What this instance took ahead from the shared counter (see rate-limit-allowances.ts); null without one. */
  allowances: Allowances | null;
}
const sharedOf = (limit: Limiter) => limit.shared ?? limit.memory;
const memoryOf = (limit: Limiter) => limit.memory;

export class RateLimits {
  private readonly hourly: Limiter;
  private readonly anonymousHourly: Limiter;
  private readonly burst: Limiter;
  private readonly redis: RedisClientType | null;
  private down = false;
  /** Until when Redis is passed over after it missed a deadline (epoch ms). */
  private stalledUntil = 0;
  private sweeper: NodeJS.Timeout | undefined;
  /** Each caller's round trip in flight, for its other operations to wait on. */
  private readonly pending = new Map<string, Promise<RateLimitState>>();

  constructor(
    readonly settings: RateLimitSettings,
    redisUrl: string | undefined,
    private readonly logger: Logger,
  ) {
    this.redis = redisUrl
      ? (createClient({
          url: redisUrl,
          socket: {
            reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
            connectTimeout: 2000,
          },
          // A command while Redis is away fails at once, and the insurance limiter answers instead.
          disableOfflineQueue: true,
          // No timer per command (node-redis's default arms an AbortSignal.timeout of 5 s for each: a fifth of
          // what the limits cost a request); run() bounds each round trip instead, and what a frozen Redis
          // leaves unanswered is bounded by the queue's length.
          commandOptions: { timeout: 0 },
          commandsQueueMaxLength: 10_000,
        }) as RedisClientType)
      : null;
    this.redis?.on('error', (err: Error) => this.outage(err.message));
    this.redis?.on('ready', () => this.recovered());
    const limiter = (keyPrefix: string, points: number, duration: number): Limiter => {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!this.redis) return { shared: null, memory, allowances: null };
      const shared = new RateLimiterRedis({
        storeClient: this.redis,
        useRedisPackage: true,
        keyPrefix: `${settings.keyPrefix}${keyPrefix}`,
        points,
        duration,
        insuranceLimiter: memory,
      });
      return { shared, memory, allowances: new Allowances(points) };
    };
    this.hourly = limiter('hour', settings.pointsPerHour, HOUR);
    this.anonymousHourly = limiter('hour-anonymous', settings.anonymousPointsPerHour, HOUR);
    this.burst = limiter('minute', settings.burstPerMinute, 60);
  }

  /** Connects in the background: the server starts, and limits in memory, while Redis is away. */
  start(): void {
    if (!this.redis) return;
    this.redis.connect().catch((err: Error) => this.outage(err.message));
    this.sweeper = setInterval(() => this.giveBack(false), LIFETIME_MS / 2);
    this.sweeper.unref();
  }

  /** Gives back what this instance holds (so other instances may spend it), then closes the connection. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.giveBack(true);
    if (this.redis?.isOpen) await this.redis.close().catch(() => {});
  }

  /** Gives the unspent points of expired allowances (or of all, at shutdown) back to the shared counters. */
  private async giveBack(all: boolean): Promise<void> {
    const now = Date.now();
    const returns: Promise<unknown>[] = [];
    for (const limit of [this.burst, this.hourly, this.anonymousHourly]) {
      if (!limit.shared || !limit.allowances) continue;
      const back = all ? limit.allowances.drain(now) : limit.allowances.expire(now);
      if (!this.redis?.isReady || now < this.stalledUntil) continue; // they die with their window
      for (const [caller, points] of back) returns.push(limit.shared.reward(caller, points).catch(() => {}));
    }
    if (returns.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(returns),
      new Promise((resolve) => (timer = setTimeout(resolve, REDIS_DEADLINE_MS))),
    ]);
    clearTimeout(timer);
  }

  /**
   * Spends `points` of the caller's hour and one of its minute. Throws RateLimitedError (with the seconds to
   * wait) when either is spent; what was refused is not counted against the hour. A busy caller spends from
   * what this instance took ahead of it (rate-limit-allowances.ts) without a round trip; otherwise both counters
   * are asked in the same tick, so node-redis writes them in one batch and one round trip answers both.
   */
  async consume(caller: string, anonymous: boolean, points: number): Promise<RateLimitState> {
    const hourly = anonymous ? this.anonymousHourly : this.hourly;
    if (!this.sharing(Date.now())) return this.count(caller, hourly, points, false);
    const held = this.spendHeld(caller, hourly, points);
    if (held) return held;
    // Operations of one caller arriving together wait for one round trip rather than each making its own:
    // what it takes ahead is likely to cover them.
    const pending = this.pending.get(caller);
    if (pending) {
      await pending.catch(() => {});
      const then = this.spendHeld(caller, hourly, points);
      if (then) return then;
    }
    const trip = this.count(caller, hourly, points, true);
    if (!pending) {
      this.pending.set(caller, trip);
      void trip.finally(() => this.pending.delete(caller)).catch(() => {});
    }
    return trip;
  }

  /** Spends from what this instance holds for the caller on both limits, if it holds enough on both. */
  private spendHeld(caller: string, hourly: Limiter, points: number): RateLimitState | null {
    const now = Date.now();
    const minute = this.burst.allowances!.held(caller, 1, now);
    const hour = minute && hourly.allowances!.held(caller, points, now);
    if (!minute || !hour) return null;
    this.burst.allowances!.spend(minute, 1);
    hourly.allowances!.spend(hour, points);
    return this.stateOf(hourly.memory.points, Allowances.used(hour), hour.resetAt - now, points);
  }

  /** Whether the shared counters are in use (Redis there, answering, and not passed over). */
  private sharing(now: number): boolean {
    return this.redis !== null && !this.down && now >= this.stalledUntil;
  }

  /**
   * One round trip to the counters for an operation of `points`, spending first what this instance holds for
   * the caller (too little to spend without the trip, but counted already) and taking points ahead for a busy
   * caller when `ahead`.
   */
  private async count(
    caller: string,
    hourly: Limiter,
    points: number,
    ahead: boolean,
  ): Promise<RateLimitState> {
    const now = Date.now();
    const minutes = this.burst.allowances;
    const hours = hourly.allowances;
    /** What this trip counts on each limit (`fromHeld` of the operation came from what was held). */
    const trip = { shared: false, minute: { fromHeld: 0, ahead: 0 }, hour: { fromHeld: 0, ahead: 0 } };
    const [minute, hour] = await this.run((side) => {
      // A late Redis is followed by the memory limiters: what was held is held again, counted in Redis.
      minutes?.release(caller, trip.minute.fromHeld);
      hours?.release(caller, trip.hour.fromHeld);
      trip.minute = { fromHeld: 0, ahead: 0 };
      trip.hour = { fromHeld: 0, ahead: 0 };
      trip.shared = side === sharedOf && minutes !== null && hours !== null;
      if (trip.shared) {
        trip.minute.fromHeld = minutes!.reserve(caller, 1, now);
        trip.hour.fromHeld = hours!.reserve(caller, points, now);
        if (ahead && this.sharing(now)) {
          trip.minute.ahead = minutes!.ahead(caller, 1);
          trip.hour.ahead = hours!.ahead(caller, points);
          // Spending without a round trip needs points held on both: one taken alone would only be held back.
          if (trip.minute.ahead === 0 || trip.hour.ahead === 0) trip.minute.ahead = trip.hour.ahead = 0;
        }
      }
      return Promise.allSettled([
        side(this.burst).consume(caller, 1 - trip.minute.fromHeld + trip.minute.ahead),
        side(hourly).consume(caller, points - trip.hour.fromHeld + trip.hour.ahead),
      ]);
    });
    if (minute.status === 'fulfilled' && hour.status === 'fulfilled') {
      if (!trip.shared) return this.toState(hourly.memory.points, hour.value, points);
      const m = minute.value;
      const h = hour.value;
      minutes!.took(caller, 1, trip.minute.ahead, m.consumedPoints, m.msBeforeNext, now);
      hours!.took(caller, points, trip.hour.ahead, h.consumedPoints, h.msBeforeNext, now);
      return this.toState(hourly.memory.points, h, points, hours!.heldFor(caller));
    }
    // A refusal is the limiter's RateLimiterRes; anything else (a failure of both Redis and memory) goes up.
    const minuteWait = this.waitOf(minute);
    const hourWait = this.waitOf(hour);
    minutes?.release(caller, trip.minute.fromHeld);
    hours?.release(caller, trip.hour.fromHeld);
    const counted = {
      minute: 1 - trip.minute.fromHeld + trip.minute.ahead,
      hour: points - trip.hour.fromHeld + trip.hour.ahead,
    };
    if (trip.minute.ahead > 0) {
      // What was taken ahead may be what went over: give back all this round trip counted, and count the
      // operation alone.
      await this.run((side) =>
        Promise.all([
          side(this.burst).reward(caller, counted.minute),
          side(hourly).reward(caller, counted.hour),
        ]),
      ).catch(() => {});
      return this.count(caller, hourly, points, false);
    }
    // consume() counted the refused points (or the hour took them while the minute refused): give them back,
    // so asking again does not dig the hole deeper and a refused operation costs nothing of the hour.
    if (counted.hour > 0) await this.run((side) => side(hourly).reward(caller, counted.hour)).catch(() => {});
    const res = (hour.status === 'fulfilled' ? hour.value : hour.reason) as RateLimiterRes;
    const state = this.toState(hourly.memory.points, res, 0, counted.hour + (hours?.heldFor(caller) ?? 0));
    if (minuteWait !== null)
      throw new RateLimitedError(
        `more than ${this.settings.burstPerMinute} operations in a minute; wait ${minuteWait} s`,
        minuteWait,
        state,
      );
    throw new RateLimitedError(
      `this operation costs ${points} points and ${state.remaining} of ${state.limit} are left this hour; ` +
        `wait ${hourWait} s, or ask for less (smaller pages, fewer nested lists)`,
      hourWait!,
      state,
    );
  }

  /** As `consume`, with the refusal returned rather than thrown (for the WebSocket's error message). */
  async tryConsume(caller: string, anonymous: boolean, points: number): Promise<RateLimitedError | null> {
    try {
      await this.consume(caller, anonymous, points);
      return null;
    } catch (err) {
      if (err instanceof RateLimitedError) return err;
      throw err;
    }
  }

  /** Where the caller stands, spending nothing. */
  async state(caller: string, anonymous: boolean, cost = 0): Promise<RateLimitState> {
    const hourly = anonymous ? this.anonymousHourly : this.hourly;
    const res = await this.run((side) => side(hourly).get(caller)).catch(() => null);
    return this.toState(hourly.memory.points, res, cost, hourly.allowances?.heldFor(caller) ?? 0);
  }

  /**
   * Runs one step on the shared limiters within REDIS_DEADLINE_MS, else (or while Redis is passed over) on the
   * memory ones: `side` picks a limit's limiter. A refusal (the limiter's rejection) passes through as it is.
   */
  private async run<T>(step: (side: (limit: Limiter) => RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!this.redis || Date.now() < this.stalledUntil) return step(memoryOf);
    const attempt = step(sharedOf);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(() => resolve(LATE), REDIS_DEADLINE_MS);
    });
    try {
      const first = await Promise.race([attempt, late]);
      if (first !== LATE) return first;
    } finally {
      clearTimeout(timer);
    }
    // Its late answer (or refusal) has no one left to hear it.
    attempt.catch(() => {});
    this.stalled();
    return step(memoryOf);
  }

  private stalled(): void {
    const first = this.stalledUntil < Date.now() - STALL_BACKOFF_MS;
    this.stalledUntil = Date.now() + STALL_BACKOFF_MS;
    if (first)
      this.logger.warn(
        `[rate-limit] Redis did not answer within ${REDIS_DEADLINE_MS} ms; limiting in memory on this instance, asking Redis again in ${STALL_BACKOFF_MS / 1000} s`,
      );
  }

  /**
   * `notUsed` are points counted in `res` that the caller did not use: given back since (a refused
   * operation's), or held by this instance ahead of use.
   */
  private toState(limit: number, res: RateLimiterRes | null, cost: number, notUsed = 0): RateLimitState {
    const used = Math.max(0, (res?.consumedPoints ?? 0) - notUsed);
    return this.stateOf(limit, used, res ? res.msBeforeNext : HOUR * 1000, cost);
  }

  private stateOf(limit: number, counted: number, msToReset: number, cost: number): RateLimitState {
    const used = Math.min(limit, counted);
    msToReset = Math.max(0, msToReset);
    return {
      limit,
      used,
      remaining: Math.max(0, limit - used),
      resetAt: new Date(Date.now() + msToReset),
      cost,
    };
  }

  /**
   * Seconds to wait from a settled step: null when it went through, else from its refusal (rate-limiter-flexible
   * rejects with a RateLimiterRes); any other failure is rethrown.
   */
  private waitOf(settled: PromiseSettledResult<RateLimiterRes>): number | null {
    if (settled.status === 'fulfilled') return null;
    if (settled.reason instanceof RateLimiterRes)
      return Math.max(1, Math.ceil(settled.reason.msBeforeNext / 1000));
    throw settled.reason;
  }

  private outage(reason: string): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      `[rate-limit] Redis unavailable (${reason}); each instance limits on its own until it is back`,
    );
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    // A Redis that comes back may have lost its counters (it keeps nothing on disk here): what was held is
    // not given back to a counter that never counted it.
    const now = Date.now();
    for (const limit of [this.burst, this.hourly, this.anonymousHourly]) limit.allowances?.drain(now);
    this.logger.info('[rate-limit] Redis restored: the limits are shared again');
  }
}

/** The x-ratelimit-* headers of a state (GitHub's names; `reset` in epoch seconds). */
export function rateLimitHeaders(state: RateLimitState): [string, string][] {
  return [
    ['x-ratelimit-limit', String(state.limit)],
    ['x-ratelimit-remaining', String(state.remaining)],
    ['x-ratelimit-used', String(state.used)],
    ['x-ratelimit-reset', String(Math.ceil(state.resetAt.getTime() / 1000))],
  ];
}
