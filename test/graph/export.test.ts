import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { unzipSync, strFromU8 } from 'fflate';
import { MultiGraph } from 'graphology';
import * as gexfFormat from 'graphology-gexf';
import * as graphmlFormat from 'graphology-graphml';
import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hasNetworkx, hiddenInitiative, organisationIds } from '../harness/graph.js';

let server: TestServer;
let drawn: { nodes: { code: string }[]; edges: { kind: string; weight: number }[] };

beforeAll(async () => {
  server = await startTestServer();
  drawn = (await server.gql(`{ partnershipGraph { nodes { code } edges { kind weight } } }`)).data
    .partnershipGraph;
});
afterAll(() => server?.close());

const exported = (query: string, auth?: string) =>
  fetch(`${server.url}/export/graph?${query}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });

describe('GET /export/graph', () => {
  it('writes GraphML that graphology parses into the same network, metrics as node attributes', async () => {
    const res = await exported('format=graphml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="romgraph-\d{4}-\d{2}-\d{2}\.graphml"$/,
    );
    const graph = graphmlFormat.parse(MultiGraph, await res.text());
    expect(graph.type).toBe('undirected');
    expect(graph.order).toBe(drawn.nodes.length);
    expect(graph.size).toBe(drawn.edges.length);
    const bom = graph.getNodeAttributes('BOM');
    expect(bom).toMatchObject({ code: 'BOM', kind: 'ROM' });
    expect(typeof bom.betweenness).toBe('number');
    expect(typeof bom.bridge).toBe('boolean');
  });

  it('writes GraphML valid against the GraphML 1.0 schema, as of any day and with any filter', async () => {
    const dir = path.join(import.meta.dirname, 'fixtures', 'graphml');
    const schema = (fileName: string) => ({
      fileName,
      contents: readFileSync(path.join(dir, fileName), 'utf8'),
    });
    const validate = async (xml: string) =>
      validateXML({
        xml: [{ fileName: 'export.graphml', contents: xml }],
        schema: [schema('graphml.xsd')],
        preload: [schema('graphml-structure.xsd'), schema('xlink.xsd')],
      });
    for (const query of ['format=graphml', 'format=graphml&asOf=2019-06-01&themes=AGRI_FOOD&metrics=false']) {
      const result = await validate(await (await exported(query)).text());
      expect(result.errors, query).toEqual([]);
      expect(result.valid, query).toBe(true);
    }
    // The schema is really checked: a dangling edge end is refused.
    const broken = (await (await exported('format=graphml')).text()).replace(
      /target="[^"]+"/,
      'target="NOWHERE"',
    );
    expect((await validate(broken)).valid).toBe(false);
  });

  it.skipIf(!hasNetworkx())(
    'writes GraphML and GEXF that networkx reads, with the same weights',
    async () => {
      const graphml = await (await exported('format=graphml')).text();
      const gexf = await (await exported('format=gexf')).text();
      const script = `
import io, json, sys, networkx as nx
docs = json.load(sys.stdin)
g = nx.read_graphml(io.BytesIO(docs["graphml"].encode()))
x = nx.read_gexf(io.BytesIO(docs["gexf"].encode()))
print(json.dumps({"graphml": [g.number_of_nodes(), g.number_of_edges(), sum(d["weight"] for _, _, d in g.edges(data=True))],
  "gexf": [x.number_of_nodes(), x.number_of_edges(), sum(d["weight"] for _, _, d in x.edges(data=True))],
  "multigraph": g.is_multigraph()}))`;
      const out = JSON.parse(
        execFileSync('python3', ['-c', script], { input: JSON.stringify({ graphml, gexf }) }).toString(),
      );
      const weights = drawn.edges.reduce((sum, e) => sum + e.weight, 0);
      expect(out.graphml).toEqual([drawn.nodes.length, drawn.edges.length, weights]);
      expect(out.gexf).toEqual([drawn.nodes.length, drawn.edges.length, weights]);
    },
  );

  it('writes GEXF 1.3 that graphology-gexf parses, with edge weights', async () => {
    const res = await exported('format=gexf&edgeKinds=CO_PARTICIPATION');
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const graph = gexfFormat.parse(MultiGraph, await res.text());
    const shared = drawn.edges.filter((e) => e.kind === 'CO_PARTICIPATION');
    expect(graph.size).toBe(shared.length);
    let weight = 0;
    graph.forEachEdge((_e, attributes) => {
      weight += attributes.weight;
      expect(attributes.kind).toBe('CO_PARTICIPATION');
    });
    expect(weight).toBe(shared.reduce((sum, e) => sum + e.weight, 0));
  });

  it('writes Cytoscape.js JSON that Cytoscape.js loads as it is', async () => {
    const res = await exported('format=json');
    const json: any = await res.json();
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(drawn.nodes.length);
    expect(cy.edges().length).toBe(drawn.edges.length);
    expect(cy.getElementById('BOM').data('kind')).toBe('ROM');
  });

  it('writes nodes.csv and edges.csv in a zip, or one of them, with the separator, decimal mark and BOM asked for', async () => {
    const zip = unzipSync(new Uint8Array(await (await exported('format=csv')).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodes = strFromU8(zip['nodes.csv']!).split('\r\n').filter(Boolean);
    expect(nodes[0]!.split(',').slice(0, 4)).toEqual(['Id', 'Label', 'kind', 'provinces']);
    expect(nodes).toHaveLength(drawn.nodes.length + 1);
    const edges = strFromU8(zip['edges.csv']!).split('\r\n').filter(Boolean);
    expect(edges[0]!.split(',').slice(0, 3)).toEqual(['From', 'To', 'Type']);
    expect(edges).toHaveLength(drawn.edges.length + 1);

    const dutch = await exported('format=csv&part=nodes&separator=semicolon&decimal=comma&bom=true');
    expect(dutch.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await dutch.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    const header = rows[0]!.split(';');
    const betweenness = header.indexOf('betweenness');
    const values = rows
      .slice(1)
      .filter(Boolean)
      .map((r) => r.split(';')[betweenness]!);
    expect(values.some((v) => /^0,\d+/.test(v))).toBe(true);
    expect(values.every((v) => !v.includes('.'))).toBe(true);
  });

  it('honours Authorization and the access rules: a PARTICIPANTS tie only for its participants', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const ids = await organisationIds(server);
    await hiddenInitiative(server, bom, 'EXPORT_SECRET', ids.get('BOM')!, ids.get('KNAW')!);
    const hasSecret = async (auth?: string) =>
      (await (await exported('format=csv&part=edges&metrics=false', auth)).text()).includes('EXPORT_SECRET');
    for (let i = 0; i < 50 && !(await hasSecret(bom)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await hasSecret(bom)).toBe(true);
    expect(await hasSecret()).toBe(false);
    expect(await hasSecret(await server.token('LIOF', Role.EDITOR))).toBe(false);
    const refused = await exported('format=json', 'not-a-token');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses what it cannot answer with 400 and a message naming the parameter', async () => {
    const cases: [string, string][] = [
      ['', 'format must be one of graphml, gexf, json, csv'],
      ['format=pdf', 'format must be one of graphml, gexf, json, csv; got "pdf"'],
      ['format=graphml&themes=NOPE', 'themes has "NOPE"'],
      ['format=graphml&colour=red', 'unknown parameter colour'],
      ['format=graphml&asOf=2026-13-01', 'asOf must be a date written YYYY-MM-DD'],
      ['format=csv&separator=pipe', 'separator must be one of'],
    ];
    for (const [query, message] of cases) {
      const res = await exported(query);
      expect(res.status, query).toBe(400);
      const body: any = await res.json();
      expect(body.errors[0].message, query).toContain(message);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const post = await fetch(`${server.url}/export/graph?format=graphml`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('draws the network as of a day', async () => {
    const old = await exported('format=json&asOf=2019-01-01&metrics=false');
    const json: any = await old.json();
    expect(json.data.asOf).toBe('2019-01-01');
    expect(json.elements.edges.length).toBeLessThan(drawn.edges.length);
  });
});
