/**
 * What an operator watches, in the Prometheus text format (prom-client): requests and their latency by
 * operation, errors by code, rate-limit refusals, live connections and subscriptions, the lag of events from
 * their transaction to the sockets, slow consumers closed (4420), webhook delivery outcomes, the database pool,
 * Redis, and prom-client's process and Node.js metrics. Every name is in README "Running in production".
 *
 * One registry per app (not prom-client's global one): tests run several apps in one process.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; requests are mostly milliseconds, a dashboard's metrics can take seconds. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds from an event's transaction to its delivery: wake-ups make it milliseconds, the poll bounds it. */
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Operation names are the client's to choose: labels for this many, `other` for the rest. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** What the app lets the metrics read when Prometheus scrapes (nothing is counted on the hot path for them). */
export interface MetricsSources {
  connections(): number;
  subscriptions(): number;
  /** The PostgreSQL pool's connections by state, when there is a pool (not for embedded PGlite). */
  pool(): { total: number; idle: number; waiting: number } | null;
  /** Whether Redis answers; absent without Redis (and so is the gauge). */
  redisUp?(): boolean | null;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'code'>;
  private readonly latency: Histogram<'operation'>;
  private readonly errors: Counter<'code' | 'transport'>;
  private readonly refusals: Counter<'transport'>;
  private readonly lag: Histogram;
  private readonly overflows: Counter;
  private readonly webhooks: Counter<'outcome'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'romgraph_http_requests_total',
      help: 'GraphQL requests over HTTP by operation name and outcome (OK, or the first error code)',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.latency = new Histogram({
      name: 'romgraph_http_request_duration_seconds',
      help: 'Time from a GraphQL request arriving to its response sent, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'romgraph_graphql_errors_total',
      help: 'GraphQL errors answered, by extensions.code and transport (http, ws)',
      labelNames: ['code', 'transport'],
      registers,
    });
    this.refusals = new Counter({
      name: 'romgraph_rate_limit_refusals_total',
      help: 'Operations refused with RATE_LIMITED, by transport (http, ws)',
      labelNames: ['transport'],
      registers,
    });
    this.lag = new Histogram({
      name: 'romgraph_event_delivery_lag_seconds',
      help: "Time from an event's transaction (its occurred_at) to its delivery to this instance's subscribers",
      buckets: LAG_BUCKETS,
      registers,
    });
    this.overflows = new Counter({
      name: 'romgraph_ws_queue_overflows_total',
      help: 'WebSockets closed with 4420 because their client read slower than events arrived',
      registers,
    });
    this.webhooks = new Counter({
      name: 'romgraph_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome (delivered, failed, disabled)',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'romgraph_ws_connections',
      help: 'Open WebSocket connections on this instance',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'romgraph_ws_subscriptions',
      help: 'Live subscriptions on this instance',
      registers,
      collect() {
        this.set(sources.subscriptions());
      },
    });
    new Gauge({
      name: 'romgraph_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting: requests queued for one)',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool();
        if (!pool) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    if (sources.redisUp) {
      const up = sources.redisUp.bind(sources);
      new Gauge({
        name: 'romgraph_redis_up',
        help: 'Whether Redis answers (1) or not (0); absent without REDIS_URL',
        registers,
        collect() {
          this.set(up() ? 1 : 0);
        },
      });
    }
  }

  /** The label of an operation name: itself for the first few hundred plausible names, else `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  request(operation: string | null | undefined, codes: readonly string[], seconds: number): void {
    const label = this.operationLabel(operation);
    this.requests.inc({ operation: label, code: codes[0] ?? 'OK' });
    this.latency.observe({ operation: label }, seconds);
    for (const code of codes) this.graphqlError(code, 'http');
  }

  graphqlError(code: string, transport: 'http' | 'ws'): void {
    this.errors.inc({ code, transport });
    if (code === 'RATE_LIMITED') this.refusals.inc({ transport });
  }

  delivered(lagSeconds: number): void {
    this.lag.observe(Math.max(0, lagSeconds));
  }

  overflow(): void {
    this.overflows.inc();
  }

  webhook(outcome: 'delivered' | 'failed' | 'disabled'): void {
    this.webhooks.inc({ outcome });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
