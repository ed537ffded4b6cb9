/**
 * The simple graph of a view (parallel edges merged, no self-loops) in compressed sparse rows: the neighbours
 * of node i are `neighbours[offsets[i] .. offsets[i + 1])`, nodes numbered in code order, so the lowest index
 * is the lowest code. Built once per view and version of the facts (about 0.1 s at 10,000 organisations and a
 * million shared-initiative pairs), then every walk is a loop over typed arrays.
 */
import type { InitiativeFact, PartnershipFact } from './facts.js';

/** What the adjacency is built from: the view's nodes (by code), initiatives and partnerships that count. */
export interface AdjacencySource {
  readonly nodePks: readonly number[];
  readonly initiatives: Iterable<InitiativeFact>;
  readonly partnerships: Iterable<PartnershipFact>;
  /** The initiative's participants that day that are nodes. */
  participantsOf(initiative: InitiativeFact): number[];
}

export class Adjacency {
  readonly pks: Int32Array;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** The initiatives that make ties (two or more participants that are nodes), in code order. */
  readonly initiatives: InitiativeFact[] = [];
  /** Members of initiative k (node indices, ascending): `members[memberOffsets[k] .. memberOffsets[k + 1])`. */
  readonly memberOffsets: Int32Array;
  readonly members: Int32Array;
  /** Initiatives of node i (initiative indices, ascending): `nodeInitiatives[initiativeOffsets[i] .. [i + 1])`. */
  readonly initiativeOffsets: Int32Array;
  readonly nodeInitiatives: Int32Array;
  private readonly index = new Map<number, number>();

  constructor(
    readonly version: number,
    source: AdjacencySource,
  ) {
    const n = source.nodePks.length;
    this.pks = Int32Array.from(source.nodePks);
    source.nodePks.forEach((pk, i) => this.index.set(pk, i));
    const groups: Int32Array[] = [];
    const counted = [...source.initiatives].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const initiative of counted) {
      const members = [...new Set(source.participantsOf(initiative).map((pk) => this.index.get(pk)!))];
      if (members.length < 2) continue;
      groups.push(Int32Array.from(members).sort());
      this.initiatives.push(initiative);
    }
    this.memberOffsets = new Int32Array(groups.length + 1);
    const perNode = new Int32Array(n + 1);
    groups.forEach((g, k) => {
      this.memberOffsets[k + 1] = this.memberOffsets[k]! + g.length;
      for (const i of g) perNode[i + 1]!++;
    });
    this.members = new Int32Array(this.memberOffsets[groups.length]!);
    groups.forEach((g, k) => this.members.set(g, this.memberOffsets[k]!));
    for (let i = 0; i < n; i++) perNode[i + 1]! += perNode[i]!;
    this.initiativeOffsets = perNode.slice();
    this.nodeInitiatives = new Int32Array(perNode[n]!);
    const next = perNode.slice(0, n);
    groups.forEach((g, k) => {
      for (const i of g) this.nodeInitiatives[next[i]!++] = k;
    });
    const pairs: number[] = [];
    for (const p of source.partnerships) {
      const a = this.index.get(p.fromPk);
      const b = this.index.get(p.toPk);
      if (a !== undefined && b !== undefined && a !== b) pairs.push(a, b);
    }
    // Two passes over the ties: count each node's entries (duplicates included), then fill.
    const count = new Int32Array(n + 1);
    for (const g of groups) for (const i of g) count[i + 1]! += g.length - 1;
    for (let k = 0; k < pairs.length; k += 2) {
      count[pairs[k]! + 1]!++;
      count[pairs[k + 1]! + 1]!++;
    }
    for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
    const all = new Int32Array(count[n]!);
    const at = count.slice(0, n);
    for (const g of groups) {
      for (const i of g) for (const j of g) if (i !== j) all[at[i]!++] = j;
    }
    for (let k = 0; k < pairs.length; k += 2) {
      const a = pairs[k]!;
      const b = pairs[k + 1]!;
      all[at[a]!++] = b;
      all[at[b]!++] = a;
    }
    // Sort each row and drop repeats (a pair sharing several initiatives, or a partnership besides).
    this.offsets = new Int32Array(n + 1);
    let write = 0;
    for (let i = 0; i < n; i++) {
      const row = all.subarray(count[i]!, count[i + 1]!).sort();
      this.offsets[i] = write;
      for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) all[write++] = row[k]!;
    }
    this.offsets[n] = write;
    this.neighbours = all.slice(0, write);
  }

  get size(): number {
    return this.pks.length;
  }

  indexOf(pk: number): number | undefined {
    return this.index.get(pk);
  }

  /**
   * Hops from node `start` to every node within `maxDepth` (-1 beyond). With `until`, stops as soon as that
   * node has its distance: every node nearer than it has its own by then.
   */
  distances(start: number, maxDepth: number, until = -1): Int32Array {
    const distance = new Int32Array(this.size).fill(-1);
    distance[start] = 0;
    let frontier = [start];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const u of frontier) {
        for (let k = this.offsets[u]!, end = this.offsets[u + 1]!; k < end; k++) {
          const v = this.neighbours[k]!;
          if (distance[v]! < 0) {
            distance[v] = depth;
            next.push(v);
          }
        }
      }
      if (until >= 0 && distance[until]! >= 0) break;
      frontier = next;
    }
    return distance;
  }

  /** The lowest-numbered (lowest-code) neighbour of `u` at distance `d`, or -1. */
  firstNeighbourAt(u: number, distance: Int32Array, d: number): number {
    for (let k = this.offsets[u]!, end = this.offsets[u + 1]!; k < end; k++) {
      if (distance[this.neighbours[k]!] === d) return this.neighbours[k]!;
    }
    return -1;
  }

  /** Ties (pairs) among a set of nodes. */
  edgesAmong(nodes: readonly number[], within: Uint8Array): number {
    let twice = 0;
    for (const u of nodes) {
      for (let k = this.offsets[u]!, end = this.offsets[u + 1]!; k < end; k++)
        twice += within[this.neighbours[k]!]!;
    }
    return twice / 2;
  }
}
