/**
 * Wake-ups between instances: after a commit, the writer says "there is news up to seq N"; every instance's
 * fan-out then reads the log. Redis pub/sub is at-most-once, so a wake-up is only a hint - the fan-out also
 * polls, and a lost wake-up or a Redis outage delays delivery, never loses it.
 */
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../infra/logger.js';

export interface WakeupChannel {
  /** Tells every instance (this one included) that events up to `seq` are committed. */
  publish(seq: string): void;
  /** Called on every wake-up, from any instance. */
  onWakeup(listener: () => void): void;
  /** Whether the channel currently works (readiness). */
  healthy(): boolean;
  close(): Promise<void>;
}

/** One process: the wake-up is a function call. */
export class InProcessWakeups implements WakeupChannel {
  private readonly listeners: (() => void)[] = [];
  publish(): void {
    for (const listener of this.listeners) listener();
  }
  onWakeup(listener: () => void): void {
    this.listeners.push(listener);
  }
  healthy(): boolean {
    return true;
  }
  async close(): Promise<void> {}
}

export const WAKEUP_CHANNEL = 'romgraph:events';
/** How often the wake-up connection is checked, and how long without an answer counts as an outage, ms. */
const PING_MS = 1_000;
const SILENT_MS = 3_000;

/** Many instances: a Redis channel. Connection loss is logged (once per outage) and retried forever. */
export class RedisWakeups implements WakeupChannel {
  private readonly publisher: RedisClientType;
  private readonly subscriber: RedisClientType;
  private readonly listeners: (() => void)[] = [];
  private down = false;
  private closed = false;
  /** When Redis last answered a PING: one that stops answering resets nothing, so only a deadline tells. */
  private answeredAt = Date.now();
  private pinger: NodeJS.Timeout | undefined;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = {
      url,
      socket: {
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
        connectTimeout: 2000,
      },
      disableOfflineQueue: true,
    };
    this.publisher = createClient(options) as RedisClientType;
    this.subscriber = this.publisher.duplicate() as RedisClientType;
    for (const [name, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (err: Error) => this.outage(`${name}: ${err.message}`));
      client.on('ready', () => this.recovered());
    }
  }

  /** Connects in the background: the server starts (and polls) even while Redis is away. */
  start(): void {
    const local = () => this.listeners.forEach((l) => l());
    this.publisher.connect().catch((err: Error) => this.outage(`publisher: ${err.message}`));
    this.subscriber
      .connect()
      .then(() => this.subscriber.subscribe(WAKEUP_CHANNEL, local))
      .catch((err: Error) => this.outage(`subscriber: ${err.message}`));
    this.pinger = setInterval(() => {
      if (!this.publisher.isReady) return;
      if (this.silent()) this.outage(`no answer to PING for ${SILENT_MS / 1000} s`);
      this.publisher.ping().then(
        () => {
          this.answeredAt = Date.now();
          this.recovered();
        },
        () => {},
      );
    }, PING_MS);
    this.pinger.unref();
  }

  private silent(): boolean {
    return Date.now() - this.answeredAt > SILENT_MS;
  }

  private outage(reason: string): void {
    if (this.closed || this.down) return;
    this.down = true;
    this.logger.warn(
      `[events] Redis wake-ups unavailable (${reason}); is REDIS_URL reachable? Delivery continues by polling.`,
    );
  }

  private recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info('[events] Redis wake-ups restored');
  }

  publish(seq: string): void {
    // A Redis that does not answer would only pile the hints up: every instance polls meanwhile.
    if (!this.publisher.isReady || this.silent()) return;
    this.publisher.publish(WAKEUP_CHANNEL, seq).catch((err: Error) => this.outage(`publish: ${err.message}`));
  }

  onWakeup(listener: () => void): void {
    this.listeners.push(listener);
  }

  healthy(): boolean {
    return this.publisher.isReady && this.subscriber.isReady && !this.silent();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pinger);
    await Promise.allSettled([this.subscriber.close(), this.publisher.close()]);
  }
}
