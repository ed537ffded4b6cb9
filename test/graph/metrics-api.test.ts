import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { eventually, hasNetworkx, hiddenInitiative, organisationIds } from '../harness/graph.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const METRICS = `query ($kind: OrganisationKind, $theme: Theme) { networkMetrics(kind: $kind, theme: $theme) {
  organisation { id code kind } degree weightedDegree betweenness closeness community bridge computedAt } }`;
const GRAPH = `{ partnershipGraph { nodes { id } edges { source target weight } } }`;

describe('networkMetrics', () => {
  it('gives one row per organisation of the kind, by code, with computedAt', async () => {
    const res = await server.gql(METRICS, { kind: 'ROM' });
    expect(res.errors).toBeUndefined();
    const rows = res.data.networkMetrics;
    expect(rows.map((r: any) => r.organisation.code)).toEqual([
      'BOM',
      'HORIZON',
      'IMPULS',
      'INWEST',
      'IQ',
      'LIOF',
      'NOM',
      'OOSTNL',
      'ROMUR',
    ]);
    for (const r of rows) {
      expect(r.degree).toBeGreaterThan(0);
      expect(r.betweenness).toBeGreaterThanOrEqual(0);
      expect(r.closeness).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(r.computedAt))).toBe(false);
    }
    const again = await server.gql(METRICS, { kind: 'ROM' });
    expect(again.data).toEqual(res.data);
  });

  it.skipIf(!hasNetworkx())(
    'equals networkx on the reference network, drawn as the same caller sees it',
    async () => {
      const graph = (await server.gql(GRAPH)).data.partnershipGraph;
      const rows = (await server.gql(METRICS)).data.networkMetrics;
      const script = `
import json, sys, networkx as nx
g = json.load(sys.stdin)
G = nx.Graph()
G.add_nodes_from(n["id"] for n in g["nodes"])
for e in g["edges"]:
    w = G.edges[e["source"], e["target"]]["weight"] if G.has_edge(e["source"], e["target"]) else 0
    G.add_edge(e["source"], e["target"], weight=w + e["weight"])
print(json.dumps({"degree": dict(G.degree()), "weighted": dict(G.degree(weight="weight")),
  "betweenness": nx.betweenness_centrality(G, normalized=True), "closeness": nx.closeness_centrality(G)}))`;
      const nx = JSON.parse(
        execFileSync('python3', ['-c', script], { input: JSON.stringify(graph) }).toString(),
      );
      expect(rows).toHaveLength(graph.nodes.length);
      for (const r of rows) {
        const id = r.organisation.id;
        expect(r.degree, r.organisation.code).toBe(nx.degree[id]);
        expect(r.weightedDegree, r.organisation.code).toBe(nx.weighted[id]);
        expect(r.betweenness, r.organisation.code).toBeCloseTo(nx.betweenness[id], 12);
        expect(r.closeness, r.organisation.code).toBeCloseTo(nx.closeness[id], 12);
      }
    },
  );

  it("leaves an outsider's metrics unchanged by a PARTICIPANTS initiative of two ROMs, and updates theirs", async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const ids = await organisationIds(server);
    const rowOf = async (code: string, auth?: string) => {
      const rows = (await server.gql(METRICS, {}, auth)).data.networkMetrics;
      return rows.find((r: any) => r.organisation.code === code);
    };
    const outsider = (await server.gql(METRICS, {})).data.networkMetrics;
    const before = await rowOf('BOM', bom);
    await hiddenInitiative(server, bom, 'SECRET_METRICS', ids.get('BOM')!, ids.get('LIOF')!);
    // Served from the previous computation until the new one is in; then BOM's tie to LIOF weighs one more.
    await eventually(async () => {
      const after = await rowOf('BOM', bom);
      expect(Date.parse(after.computedAt)).toBeGreaterThan(Date.parse(before.computedAt));
      expect(after.weightedDegree).toBe(before.weightedDegree + 1);
    });
    let outsiderAfter: any[] = [];
    await eventually(async () => {
      outsiderAfter = (await server.gql(METRICS, {})).data.networkMetrics;
      expect(Date.parse(outsiderAfter[0].computedAt)).toBeGreaterThan(Date.parse(outsider[0].computedAt));
    });
    const values = (rows: any[]) => rows.map(({ computedAt: _, ...r }) => r);
    expect(values(outsiderAfter)).toEqual(values(outsider));
  });
});
