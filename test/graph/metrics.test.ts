import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../server/graph/metrics.js';
import type { NetworkEdge } from '../../server/graph/network.js';
import { GraphEdgeKind } from '../../server/vocabulary.js';

interface Reference {
  nodes: number[];
  edges: [number, number, number][];
  degree: Record<string, number>;
  weightedDegree: Record<string, number>;
  betweenness: Record<string, number>;
  closeness: Record<string, number>;
}

const script = path.join(import.meta.dirname, 'fixtures', 'networkx-metrics.py');

/** networkx's numbers: computed now when Python has networkx, else the ones it wrote into the fixture. */
function reference(): { values: Reference; live: boolean } {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'romgraph-nx-')), 'metrics.json');
    execFileSync('python3', [script, out], { stdio: 'ignore' });
    return { values: JSON.parse(readFileSync(out, 'utf8')), live: true };
  } catch {
    return { values: JSON.parse(readFileSync(script.replace(/\.py$/, '.json'), 'utf8')), live: false };
  }
}

const code = (n: number) => `N${String(n).padStart(3, '0')}`;
const tie = (a: number, b: number, weight: number): NetworkEdge => ({
  kind: GraphEdgeKind.CO_PARTICIPATION,
  sourcePk: a,
  targetPk: b,
  partnership: null,
  initiatives: Array.from({ length: weight }, () => ({}) as never),
});

describe('network metrics', () => {
  const { values } = reference();
  const nodes = values.nodes.map((pk) => ({ pk, code: code(pk) }));
  const metrics = computeMetrics(
    nodes,
    values.edges.map(([a, b, w]) => tie(a, b, w)),
  );

  it("match networkx's degree, weighted degree, betweenness and closeness on a disconnected graph", () => {
    expect(metrics).toHaveLength(values.nodes.length);
    for (const m of metrics) {
      const key = String(m.pk);
      expect(m.degree, `degree of ${key}`).toBe(values.degree[key]);
      expect(m.weightedDegree, `weighted degree of ${key}`).toBe(values.weightedDegree[key]);
      expect(m.betweenness, `betweenness of ${key}`).toBeCloseTo(values.betweenness[key]!, 12);
      expect(m.closeness, `closeness of ${key}`).toBeCloseTo(values.closeness[key]!, 12);
    }
  });

  it('merge a partnership and shared initiatives into one weighted tie, once per pair', () => {
    const [a, b] = computeMetrics(
      [
        { pk: 1, code: 'A' },
        { pk: 2, code: 'B' },
      ],
      [
        tie(1, 2, 3),
        {
          kind: GraphEdgeKind.PARTNERSHIP,
          sourcePk: 1,
          targetPk: 2,
          partnership: {} as never,
          initiatives: [],
        },
        {
          kind: GraphEdgeKind.PARTNERSHIP,
          sourcePk: 2,
          targetPk: 1,
          partnership: {} as never,
          initiatives: [],
        },
      ],
    );
    expect([a!.degree, a!.weightedDegree, b!.degree, b!.weightedDegree]).toEqual([1, 5, 1, 5]);
  });

  it('find the communities of two cliques joined by one tie, and flag the two ends of it as bridges', () => {
    const clique = (from: number) =>
      [0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3].filter((j) => j > i).map((j) => tie(from + i, from + j, 2)));
    const graphNodes = [1, 2, 3, 4, 11, 12, 13, 14].map((pk) => ({ pk, code: code(pk) }));
    const run = () => computeMetrics(graphNodes, [...clique(1), ...clique(11), tie(4, 11, 1)]);
    const first = run();
    expect(first.map((m) => m.community)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(first.filter((m) => m.bridge).map((m) => m.pk)).toEqual([4, 11]);
    // Seeded: the same network gets the same answer every time.
    for (let i = 0; i < 5; i++) expect(run()).toEqual(first);
  });

  it('give a lone node zeros and a community of its own', () => {
    const [lone, a] = computeMetrics(
      [
        { pk: 1, code: 'A' },
        { pk: 2, code: 'B' },
        { pk: 3, code: 'C' },
      ],
      [tie(2, 3, 1)],
    );
    expect(lone).toMatchObject({ degree: 0, weightedDegree: 0, betweenness: 0, closeness: 0, bridge: false });
    expect(lone!.community).not.toBe(a!.community);
  });
});
