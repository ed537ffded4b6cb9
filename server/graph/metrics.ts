/**
 * Network metrics with the definitions analysts know from networkx and Gephi, computed with graphology's
 * maintained implementations over the simple graph of a view (parallel edges merged, no self-loops):
 *
 * - degree: distinct neighbours;
 * - weightedDegree: the sum of the merged edges' weights, an edge weighing its shared initiatives plus one per
 *   partnership;
 * - betweenness: unweighted shortest paths, normalised by (n-1)(n-2)/2 pairs, as networkx's
 *   `betweenness_centrality(G, normalized=True)` (graphology-metrics, Brandes);
 * - closeness: Wasserman-Faust for disconnected graphs, as networkx's `closeness_centrality(G)` with
 *   `wf_improved=True` (graphology-metrics);
 * - community: Louvain (graphology-communities-louvain) on the weights, with a seeded random order, numbered
 *   by the lowest code of each community's members, so an unchanged network gets the same answer every time;
 * - bridge: has neighbours in two or more communities.
 *
 * Pure: it runs in the metrics worker (see `metrics-worker.ts`), off the request path.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import { GraphEdgeKind } from '../vocabulary.js';
import type { NetworkEdge } from './network.js';

/**
 * These packages are CommonJS whose typings declare `export default`: Node hands an ES module the function
 * itself, TypeScript expects it under `default`. Take whichever is there.
 */
function callable<T>(module: { default: T }): T {
  return ((module as { default?: T }).default ?? module) as T;
}
const louvain = callable(louvainModule);
const betweennessCentrality = callable(betweennessModule);
const closenessCentrality = callable(closenessModule);

export interface OrganisationMetric {
  readonly pk: number;
  readonly degree: number;
  readonly weightedDegree: number;
  readonly betweenness: number;
  readonly closeness: number;
  readonly community: number;
  readonly bridge: boolean;
}

/** The seed of Louvain's random order: fixed, so equal networks get equal communities. */
export const LOUVAIN_SEED = 20_240_627;

/** mulberry32: a small seeded generator, enough to fix Louvain's visiting order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * @param nodes the view's organisations, as pk and code, by code
 * @param edges the view's edges (both kinds), merged here into one weighted edge per pair
 */
export function computeMetrics(
  nodes: readonly { pk: number; code: string }[],
  edges: readonly NetworkEdge[],
): OrganisationMetric[] {
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const node of nodes) graph.addNode(String(node.pk));
  for (const e of edges) {
    if (e.sourcePk === e.targetPk) continue;
    const weight = e.kind === GraphEdgeKind.PARTNERSHIP ? 1 : e.initiatives.length;
    const source = String(e.sourcePk);
    const target = String(e.targetPk);
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    const existing = graph.edge(source, target);
    if (existing === undefined) graph.addEdge(source, target, { weight });
    else graph.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + weight);
  }
  const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  const closeness = closenessCentrality(graph, { wassermanFaust: true });
  const raw =
    graph.size === 0
      ? Object.fromEntries(graph.nodes().map((n, i) => [n, i]))
      : louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) });
  // Number the communities by the first of their members in code order (nodes come by code).
  const numbering = new Map<number, number>();
  for (const node of nodes) {
    const community = raw[String(node.pk)]!;
    if (!numbering.has(community)) numbering.set(community, numbering.size);
  }
  const communityOf = (key: string) => numbering.get(raw[key]!)!;
  return nodes.map((node) => {
    const key = String(node.pk);
    const neighbourCommunities = new Set<number>();
    let weightedDegree = 0;
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      weightedDegree += attributes.weight;
      neighbourCommunities.add(communityOf(source === key ? target : source));
    });
    return {
      pk: node.pk,
      degree: graph.degree(key),
      weightedDegree,
      betweenness: betweenness[key] ?? 0,
      closeness: closeness[key] ?? 0,
      community: communityOf(key),
      bridge: neighbourCommunities.size >= 2,
    };
  });
}
