/**
 * One closed-loop load run with autocannon. Latency percentiles come from each response's own time
 * (autocannon's 'response' event, sub-millisecond), because autocannon's histograms round to whole
 * milliseconds, which hides the difference between 0.6 ms and 1.4 ms at concurrency 1.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  /** Base URL; requests go to POST `${url}/graphql`. */
  url: string;
  connections: number;
  seconds: number;
  /** JSON request bodies, sent in turn (one body: the same request every time). */
  bodies: readonly string[];
}

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds, 2xx responses only. */
  latency: LatencySummary;
  bytesPerResponse: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function summarise(latencies: number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { bodies } = options;
  if (bodies.length === 0) throw new Error('runLoad needs at least one request body');
  let next = 0;
  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: bodies[0],
  };
  if (bodies.length > 1) {
    request.setupRequest = (req) => {
      req.body = bodies[next];
      next = (next + 1) % bodies.length;
      return req;
    };
  }
  const latencies: number[] = [];
  let completed = 0;
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: [request],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = result.duration;
        resolve({
          connections: options.connections,
          seconds,
          requests: completed,
          requestsPerSecond: completed / seconds,
          latency: summarise(latencies),
          bytesPerResponse: completed ? bytes / completed : 0,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, statusCode, responseBytes, responseTime) => {
      completed++;
      bytes += responseBytes;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

export interface OpenLoopOptions {
  /** Operations a second. */
  rate: number;
  /** Seconds to send for; without it, until `stopped` says so. */
  seconds?: number;
  /** Asked before each send: true ends the loop early. */
  stopped?: () => boolean;
  /**
   * Sends operation `i` (counted from 0), `lateMs` after its slot (how far the sender itself fell behind). Not
   * awaited before the next send; it should handle its own errors (a rejection is only logged).
   */
  send: (i: number, lateMs: number) => Promise<void>;
}

/**
 * An open loop: operation i goes out at start + i / rate whatever became of the ones before, so a slow server
 * gets the same load and its slowness shows as latency (a closed loop, as runLoad, sends the next request only
 * after an answer, and a slow server is offered less). Resolves with the number sent, once all have settled.
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<number> {
  if (!(options.rate > 0)) throw new Error('runOpenLoop needs a rate above 0');
  const interval = 1000 / options.rate;
  const began = performance.now();
  const pending = new Set<Promise<void>>();
  let sent = 0;
  for (;;) {
    const slot = began + sent * interval;
    if (options.seconds !== undefined && sent * interval >= options.seconds * 1000) break;
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (options.stopped?.()) break;
    const operation = options
      .send(sent, Math.max(0, performance.now() - slot))
      .catch((err: Error) => console.error(`[bench] open loop: ${err.message}`))
      .finally(() => pending.delete(operation));
    pending.add(operation);
    sent++;
  }
  await Promise.all(pending);
  return sent;
}
