/**
 * Full-network metrics, per access class and filter, computed in a worker thread and kept until the network
 * changes. A request for metrics that are out of date gets the previous result (with its `computedAt`) while
 * the worker computes the new one; only the very first request of a view waits, up to a bound.
 */
import { Worker } from 'node:worker_threads';
import type { InitiativeAccess } from '../infra/auth/access.js';
import { DomainError } from '../infra/errors.js';
import type { Logger } from '../infra/logger.js';
import type { FactsDelta, NetworkFacts } from './facts.js';
import type { OrganisationMetric } from './metrics.js';
import type { WorkerReply, WorkerRequest } from './metrics-worker.js';
import { accessClassKey, type NetworkFilter } from './network.js';

export interface MetricsResult {
  readonly byPk: ReadonlyMap<number, OrganisationMetric>;
  /** The facts' version the metrics are of. */
  readonly version: number;
  readonly computedAt: Date;
  /** How long the computation took, ms. */
  readonly ms: number;
}

export interface MetricsOptions {
  /** How long a request waits for metrics no one has computed yet before it is told to come back, ms. */
  readonly firstWaitMs: number;
  /** Views whose metrics are kept (least recently used go first). */
  readonly maxViews: number;
  /** Quiet time after a change before kept views are recomputed, ms (changes come in bursts). */
  readonly recomputeDelayMs: number;
}

interface View {
  readonly key: string;
  readonly access: InitiativeAccess;
  readonly filter: NetworkFilter;
  result: MetricsResult | null;
  computing: Promise<MetricsResult> | null;
}

/**
 * The worker's file beside this one. Built, it is JavaScript; in development and tests it is TypeScript, which
 * the worker loads through tsx's loader, registered in the worker first (a worker does not inherit it).
 */
function startWorker(): Worker {
  const file = new URL(`./metrics-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  if (file.pathname.endsWith('.js')) return new Worker(file);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { eval: true });
}

function unavailable(message: string, retryAfter = 5): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', message, { retryAfter });
}

export class NetworkMetrics {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: (r: MetricsResult) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private readonly views = new Map<string, View>();
  private recompute: NodeJS.Timeout | undefined;
  private stopped = false;
  /** How long the last computation took, ms: recomputations are spaced by at least that (a busy core at most half the time). */
  private lastMs = 0;

  constructor(
    private readonly facts: NetworkFacts,
    private readonly logger: Logger,
    private readonly options: MetricsOptions = { firstWaitMs: 5_000, maxViews: 32, recomputeDelayMs: 500 },
  ) {}

  /** Hands the worker a change the main thread applied (call after every `facts.refresh`). */
  applied(delta: FactsDelta): void {
    this.post({ type: 'apply', delta });
    clearTimeout(this.recompute);
    this.recompute = setTimeout(
      () => this.recomputeKept(),
      Math.max(this.options.recomputeDelayMs, this.lastMs),
    );
    this.recompute.unref();
  }

  /**
   * The metrics of the network a viewer sees (`access`) through a filter: up to date when they are, else the
   * last ones computed while new ones are on their way.
   */
  async get(access: InitiativeAccess, filter: NetworkFilter): Promise<MetricsResult> {
    const key = `${accessClassKey(this.facts, access)}|${JSON.stringify(filter)}`;
    let view = this.views.get(key);
    if (view) {
      this.views.delete(key); // to the end: most recently used
      this.views.set(key, view);
    } else {
      view = { key, access, filter, result: null, computing: null };
      this.views.set(key, view);
      for (const [old] of this.views) {
        if (this.views.size <= this.options.maxViews) break;
        this.views.delete(old);
      }
    }
    if (view.result && view.result.version === this.facts.version) return view.result;
    const computing = this.compute(view);
    if (view.result) return view.result;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            unavailable(
              `the metrics of this network are being computed (a full computation took ${Math.round(this.lastMs / 1000)} s last time); ask again shortly`,
              Math.max(1, Math.ceil(this.lastMs / 2000)),
            ),
          ),
        this.options.firstWaitMs,
      );
    });
    try {
      return await Promise.race([computing, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts computing views ahead of their first request (the default ones, at start). */
  warm(views: readonly { access: InitiativeAccess; filter: NetworkFilter }[]): void {
    for (const { access, filter } of views) void this.get(access, filter).catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.recompute);
    const worker = this.worker;
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(unavailable('the server is stopping'));
    this.pending.clear();
    await worker?.terminate();
  }

  private compute(view: View): Promise<MetricsResult> {
    if (view.computing) return view.computing;
    const id = this.nextId++;
    const computing = new Promise<MetricsResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'compute', id, access: view.access, filter: view.filter });
    })
      .then((result) => {
        view.result = result;
        this.lastMs = result.ms;
        return result;
      })
      .finally(() => {
        view.computing = null;
      });
    computing.catch((err: unknown) => this.logger.warn(`[graph] metrics of ${view.key} failed`, err));
    view.computing = computing;
    return computing;
  }

  private recomputeKept(): void {
    for (const view of this.views.values()) {
      if (view.result && view.result.version !== this.facts.version) void this.compute(view).catch(() => {});
    }
  }

  private post(request: WorkerRequest): void {
    if (this.stopped) throw unavailable('the server is stopping');
    if (!this.worker) {
      // A new worker starts from a copy of today's facts; deltas before it are in that copy already.
      this.worker = this.spawn();
      if (request.type === 'apply') return;
    }
    this.worker.postMessage(request);
  }

  private spawn(): Worker {
    const worker = startWorker();
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) {
        waiting.reject(new Error(`[graph] the metrics worker failed: ${reply.error}`));
        return;
      }
      this.logger.debug(`[graph] metrics computed in ${Math.round(reply.ms)} ms (version ${reply.version})`);
      waiting.resolve({
        byPk: new Map(reply.metrics.map((m) => [m.pk, m])),
        version: reply.version,
        computedAt: new Date(),
        ms: reply.ms,
      });
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const { reject } of this.pending.values()) reject(err);
      this.pending.clear();
      if (!this.stopped)
        this.logger.error('[graph] the metrics worker stopped; the next request starts a new one', err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`[graph] the metrics worker exited with code ${code}`)));
    worker.postMessage({ type: 'load', facts: this.facts.lists() } satisfies WorkerRequest);
    return worker;
  }
}
