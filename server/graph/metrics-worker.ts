/**
 * The metrics worker: a thread of its own that keeps a copy of the network's facts (loaded once, then kept in
 * step by the deltas the main thread forwards, in order) and computes metrics off the request path.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { InitiativeAccess } from '../infra/auth/access.js';
import { NetworkFacts, type FactLists, type FactsDelta } from './facts.js';
import { computeMetrics, type OrganisationMetric } from './metrics.js';
import { NetworkView, type NetworkFilter } from './network.js';

export type WorkerRequest =
  | { readonly type: 'load'; readonly facts: FactLists }
  | { readonly type: 'apply'; readonly delta: FactsDelta }
  | {
      readonly type: 'compute';
      readonly id: number;
      readonly access: InitiativeAccess;
      readonly filter: NetworkFilter;
    };

export type WorkerReply =
  | {
      readonly id: number;
      readonly version: number;
      readonly metrics: OrganisationMetric[];
      readonly ms: number;
    }
  | { readonly id: number; readonly error: string };

let facts = new NetworkFacts();

// On Linux a thread has a nice value of its own: this one yields to the request path when the cores are busy
// (a full computation takes a core for minutes on a large network). Elsewhere it would nice the whole process.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not permitted here: the computation runs at normal priority.
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'load') facts = NetworkFacts.of(request.facts);
  else if (request.type === 'apply') facts.apply(request.delta);
  else {
    const began = performance.now();
    try {
      const view = new NetworkView(facts, request.access, request.filter);
      const metrics = computeMetrics(view.nodes(), view.edges());
      const reply: WorkerReply = {
        id: request.id,
        version: facts.version,
        metrics,
        ms: performance.now() - began,
      };
      parentPort!.postMessage(reply);
    } catch (err) {
      parentPort!.postMessage({
        id: request.id,
        error: (err as Error).stack ?? String(err),
      } satisfies WorkerReply);
    }
  }
});
