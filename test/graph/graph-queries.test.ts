import cytoscape from 'cytoscape';
import { MultiUndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { today } from '../../server/modules/graph/index.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { eventually, hiddenInitiative } from '../harness/graph.js';

let server: TestServer;
let admin: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
  const res = await server.gql(`{ organisations(first: 100) { nodes { id code } } }`);
  for (const o of res.data.organisations.nodes) ids.set(o.code, o.id);
});
afterAll(() => server?.close());

const ROMS = ['BOM', 'HORIZON', 'IMPULS', 'INWEST', 'IQ', 'LIOF', 'NOM', 'OOSTNL', 'ROMUR'];
const MATRIX = `query ($theme: Theme, $asOf: Date) { collaborationMatrix(theme: $theme, asOf: $asOf) {
  asOf organisations { code } counts } }`;
const GRAPH = `query ($filter: GraphFilter) { partnershipGraph(filter: $filter) {
  asOf nodes { id key code kind label attributes data } edges { id key source target kind partnershipKind weight sharedInitiatives themes } } }`;
const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $asOf: Date) { neighbourhood(organisationId: $id, depth: $depth, asOf: $asOf) {
  nodes { code } edges { source target kind sharedInitiatives } } }`;
const PATH = `query ($from: ID!, $to: ID!, $maxDepth: Int, $asOf: Date) { shortestPath(fromId: $from, toId: $to, maxDepth: $maxDepth, asOf: $asOf) {
  length organisations { code } edges { source target kind partnershipKind sharedInitiatives initiatives { code } partnership { kind } } } }`;

async function gql(query: string, variables?: Record<string, unknown>, auth?: string) {
  const res = await server.gql(query, variables, auth);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/** Initiatives both organisations take part in today, as an anonymous caller sees them, counted in SQL. */
async function sharedInSql(a: string, b: string): Promise<number> {
  const [row] = await server.app.db.read(
    `SELECT count(DISTINCT i.id)::int AS n FROM initiatives i
       JOIN participations pa ON pa.initiative_id = i.id JOIN organisations oa ON oa.id = pa.organisation_id
       JOIN participations pb ON pb.initiative_id = i.id JOIN organisations ob ON ob.id = pb.organisation_id
      WHERE oa.code = $1 AND ob.code = $2 AND i.visibility = 'PUBLIC'
        AND (i.starts_on IS NULL OR i.starts_on <= $3::date) AND (i.ends_on IS NULL OR i.ends_on >= $3::date)
        AND (pa.joined_on IS NULL OR pa.joined_on <= $3::date) AND pa.left_on IS NULL
        AND (pb.joined_on IS NULL OR pb.joined_on <= $3::date) AND pb.left_on IS NULL`,
    [a, b, today()],
  );
  return row!.n as number;
}

describe('the reference network', () => {
  it('has a ROM x ROM matrix of the nine ROMs, symmetric, matching SQL', async () => {
    const { collaborationMatrix: m } = await gql(MATRIX);
    expect(m.organisations.map((o: { code: string }) => o.code)).toEqual(ROMS);
    expect(m.counts).toHaveLength(9);
    for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) expect(m.counts[i][j]).toBe(m.counts[j][i]);
    const at = (a: string, b: string) => m.counts[ROMS.indexOf(a)][ROMS.indexOf(b)];
    expect(at('BOM', 'LIOF')).toBe(await sharedInSql('BOM', 'LIOF'));
    expect(at('NOM', 'INWEST')).toBe(await sharedInSql('NOM', 'INWEST'));
    expect(at('LIOF', 'LIOF')).toBe(await sharedInSql('LIOF', 'LIOF'));
    expect(at('BOM', 'LIOF')).toBeGreaterThan(0);
  });

  it("has ESMEE's participants all neighbours of each other", async () => {
    const res = await server.gql(
      `{ initiative(code: "ESMEE") { participants(first: 100) { nodes { organisation { code } } } } }`,
    );
    const members: string[] = res.data.initiative.participants.nodes.map((p: any) => p.organisation.code);
    expect(members.length).toBeGreaterThan(10);
    const { neighbourhood } = await gql(NEIGHBOURHOOD, { id: ids.get('NOM'), depth: 1 });
    const near = new Set(neighbourhood.nodes.map((n: { code: string }) => n.code));
    for (const code of members) expect(near).toContain(code);
    const pairs = new Set(
      neighbourhood.edges
        .filter((e: any) => e.kind === 'CO_PARTICIPATION')
        .map((e: any) => [e.source, e.target].sort().join()),
    );
    for (const a of members) {
      for (const b of members) if (a < b) expect(pairs).toContain([ids.get(a), ids.get(b)].sort().join());
    }
  });

  it('finds a path from a ROM to the KNAW through its institute, the same every time', async () => {
    const { shortestPath } = await gql(PATH, { from: ids.get('NOM'), to: ids.get('KNAW') });
    expect(shortestPath.length).toBe(2);
    const codes = shortestPath.organisations.map((o: { code: string }) => o.code);
    expect(codes[0]).toBe('NOM');
    expect(codes[2]).toBe('KNAW');
    expect(shortestPath.edges.length).toBeGreaterThanOrEqual(2);
    expect((await gql(PATH, { from: ids.get('NOM'), to: ids.get('KNAW') })).shortestPath).toEqual(
      shortestPath,
    );
    const viaRathenau = await gql(PATH, { from: ids.get('RATHENAU'), to: ids.get('KNAW'), maxDepth: 1 });
    expect(viaRathenau.shortestPath.edges[0]).toMatchObject({
      kind: 'PARTNERSHIP',
      partnershipKind: 'PART_OF',
    });
  });

  it('draws nodes and edges that graphology and Cytoscape.js read as they are', async () => {
    const { partnershipGraph: g } = await gql(GRAPH);
    expect(g.asOf).toBe(today());
    expect(g.nodes.length).toBe(ids.size);
    const node = g.nodes.find((n: any) => n.code === 'BOM');
    expect(node.key).toBe(node.id);
    expect(node.data).toMatchObject({ id: node.id, code: 'BOM', kind: 'ROM' });
    expect(node.attributes).toMatchObject({ code: 'BOM', label: node.label });
    const nodeIds = new Set(g.nodes.map((n: any) => n.id));
    for (const e of g.edges) {
      expect(nodeIds).toContain(e.source);
      expect(nodeIds).toContain(e.target);
      expect(e.source).not.toBe(e.target);
      if (e.kind === 'CO_PARTICIPATION') expect(e.weight).toBe(e.sharedInitiatives);
      else expect([e.weight, e.sharedInitiatives, typeof e.partnershipKind]).toEqual([1, 0, 'string']);
    }
    expect(new Set(g.edges.map((e: any) => e.id)).size).toBe(g.edges.length);
  });

  it('answers in the shapes graphology and Cytoscape.js import as they are', async () => {
    const query = `{ partnershipGraph { nodes { key attributes data } edges { key source target undirected attributes data } } }`;
    const { partnershipGraph: g } = await gql(query);
    // graphology's import takes nodes and edges alone (its typings also list attributes and options).
    const graph = new MultiUndirectedGraph();
    graph.import({ nodes: g.nodes, edges: g.edges } as unknown as SerializedGraph);
    expect([graph.order, graph.size]).toEqual([g.nodes.length, g.edges.length]);
    expect(graph.getNodeAttribute(ids.get('BOM')!, 'code')).toBe('BOM');
    const cy = cytoscape({ headless: true, elements: { nodes: g.nodes, edges: g.edges } });
    expect([cy.nodes().length, cy.edges().length]).toEqual([g.nodes.length, g.edges.length]);
    expect(cy.getElementById(ids.get('BOM')!).data('kind')).toBe('ROM');
  });

  it('filters by edge kind, organisation kind and theme', async () => {
    const { partnershipGraph: roms } = await gql(GRAPH, {
      filter: { organisationKinds: ['ROM'], edgeKinds: ['CO_PARTICIPATION'] },
    });
    expect(roms.nodes.map((n: any) => n.code)).toEqual(ROMS);
    expect(roms.edges.every((e: any) => e.kind === 'CO_PARTICIPATION')).toBe(true);
    const { partnershipGraph: agrifood } = await gql(GRAPH, { filter: { themes: ['AGRI_FOOD'] } });
    expect(agrifood.edges.length).toBeGreaterThan(0);
    expect(agrifood.edges.every((e: any) => e.themes.includes('AGRI_FOOD'))).toBe(true);
  });

  it('leaves out the organisations without a tie on a theme with isolated: false, and only those', async () => {
    const { partnershipGraph: all } = await gql(GRAPH, { filter: { themes: ['HEALTH'] } });
    const { partnershipGraph: tied } = await gql(GRAPH, { filter: { themes: ['HEALTH'], isolated: false } });
    const ends = new Set(all.edges.flatMap((e: any) => [e.source, e.target]));
    expect(ends.size).toBeLessThan(all.nodes.length);
    expect(tied.nodes.map((n: any) => n.key)).toEqual(
      all.nodes.map((n: any) => n.key).filter((k: string) => ends.has(k)),
    );
    expect(tied.edges).toEqual(all.edges);
  });

  it('refuses what it cannot answer with a clear error', async () => {
    const deep = await server.gql(NEIGHBOURHOOD, { id: ids.get('NOM'), depth: 4 });
    expect(deep.errors?.[0]).toMatchObject({
      message: 'depth must be 1, 2 or 3, got 4',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = await server.gql(NEIGHBOURHOOD, { id: 'T3JnYW5pc2F0aW9uOjk5OTk5' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const wrongType = await server.gql(PATH, { from: ids.get('NOM'), to: 'SW5pdGlhdGl2ZTox' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('repeatPartners', () => {
  it('gives per pair of ROMs the years they shared an initiative, as SQL finds them', async () => {
    const { repeatPartners } = await gql(
      `{ repeatPartners(fromYear: 2020, toYear: 2027) { organisations { code } years sharedInitiatives lasting } }`,
    );
    expect(repeatPartners.length).toBeGreaterThan(0);
    const pair = repeatPartners.find(
      (p: any) => p.organisations.map((o: any) => o.code).join() === 'BOM,LIOF',
    );
    const rows = await server.app.db.read(
      `SELECT y FROM generate_series(2020, 2027) y WHERE EXISTS (
         SELECT 1 FROM initiatives i
           JOIN participations a ON a.initiative_id = i.id JOIN organisations ao ON ao.id = a.organisation_id AND ao.code = 'BOM'
           JOIN participations b ON b.initiative_id = i.id JOIN organisations bo ON bo.id = b.organisation_id AND bo.code = 'LIOF'
          WHERE i.visibility = 'PUBLIC'
            AND (i.starts_on IS NULL OR i.starts_on <= make_date(y, 12, 31)) AND (i.ends_on IS NULL OR i.ends_on >= make_date(y, 1, 1))
            AND (a.joined_on IS NULL OR a.joined_on <= make_date(y, 12, 31)) AND (a.left_on IS NULL OR a.left_on > make_date(y, 1, 1))
            AND (b.joined_on IS NULL OR b.joined_on <= make_date(y, 12, 31)) AND (b.left_on IS NULL OR b.left_on > make_date(y, 1, 1)))
       ORDER BY y`,
    );
    expect(pair.years).toEqual(rows.map((r) => r.y));
    expect(pair.lasting).toBe(pair.years.length >= 2);
    for (const p of repeatPartners) {
      const [a, b] = p.organisations.map((o: any) => o.code);
      expect(a < b).toBe(true);
      expect(ROMS).toContain(a);
      expect(ROMS).toContain(b);
    }
    const bad = await server.gql(`{ repeatPartners(fromYear: 2027, toYear: 2024) { years } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('knowledgeLinks', () => {
  it('gives the TKIs, TO2 institutes and hogescholen each ROM reaches, and through what, as SQL finds them', async () => {
    const { knowledgeLinks } = await gql(
      `{ knowledgeLinks { organisation { code } partner { code kind } direct partnerships { kind } initiatives { code } } }`,
    );
    const kinds = ['TKI', 'TO2_INSTITUTE', 'UNIVERSITY_OF_APPLIED_SCIENCES'];
    for (const link of knowledgeLinks) {
      expect(ROMS).toContain(link.organisation.code);
      expect(kinds).toContain(link.partner.kind);
      expect(link.direct).toBe(link.partnerships.length > 0);
      expect(link.partnerships.length + link.initiatives.length).toBeGreaterThan(0);
    }
    const holds = (p: string) =>
      `(${p}.joined_on IS NULL OR ${p}.joined_on <= $1::date) AND (${p}.left_on IS NULL OR ${p}.left_on > $1::date)`;
    const rows = await server.app.db.read(
      `SELECT DISTINCT o.code FROM participations a
         JOIN organisations ao ON ao.id = a.organisation_id AND ao.code = 'NOM'
         JOIN initiatives i ON i.id = a.initiative_id AND i.visibility = 'PUBLIC'
          AND (i.starts_on IS NULL OR i.starts_on <= $1::date) AND (i.ends_on IS NULL OR i.ends_on >= $1::date)
         JOIN participations b ON b.initiative_id = i.id
         JOIN organisations o ON o.id = b.organisation_id AND o.kind = ANY($2::text[])
        WHERE ${holds('a')} AND ${holds('b')}
       UNION
       SELECT o.code FROM partnerships p JOIN organisations n ON n.code = 'NOM' AND n.id IN (p.from_id, p.to_id)
         JOIN organisations o ON o.id = CASE WHEN p.from_id = n.id THEN p.to_id ELSE p.from_id END AND o.kind = ANY($2::text[])
        WHERE (p.since IS NULL OR p.since <= $1::date) AND (p.until IS NULL OR p.until > $1::date)
       ORDER BY 1`,
      [today(), kinds],
    );
    const nom = knowledgeLinks
      .filter((l: any) => l.organisation.code === 'NOM')
      .map((l: any) => l.partner.code);
    expect([...nom].sort()).toEqual(rows.map((r) => r.code).sort());
    expect(nom.length).toBeGreaterThan(0);
    const bad = await server.gql(`{ knowledgeLinks(partnerKinds: [ROM]) { direct } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('narrows to one theme (a mission or KIA): only initiatives and partnerships on it link', async () => {
    const { knowledgeLinks } = await gql(
      `{ knowledgeLinks(theme: AGRI_FOOD) { organisation { code } partner { code } initiatives { code themes } partnerships { themes } } }`,
    );
    for (const link of knowledgeLinks) {
      for (const i of link.initiatives) expect(i.themes, i.code).toContain('AGRI_FOOD');
      for (const p of link.partnerships) expect(p.themes).toContain('AGRI_FOOD');
    }
    expect(knowledgeLinks.length).toBeGreaterThan(0);
    // By hand from the reference data: the knowledge partners take part in ESMEE (climate, agri-food) and the
    // co-design project (no theme); no running initiative on health has one, and no partnership of a ROM does.
    expect((await gql(`{ knowledgeLinks(theme: HEALTH) { direct } }`)).knowledgeLinks).toEqual([]);
  });
});

describe('access', () => {
  it("leaves an outsider's graph and matrix unchanged by a PARTICIPANTS initiative of two ROMs, and shows it to them", async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const liof = await server.token('LIOF', Role.EDITOR);
    const horizon = await server.token('HORIZON', Role.EDITOR);
    const before = {
      anonymous: await gql(MATRIX),
      horizon: await gql(MATRIX, {}, horizon),
      graph: await gql(GRAPH, {}, horizon),
      liof: await gql(MATRIX, {}, liof),
    };
    await hiddenInitiative(server, bom, 'SECRET_PAIR', ids.get('BOM')!, ids.get('LIOF')!);
    await eventually(async () => {
      const after = await gql(MATRIX, {}, liof);
      const at = (m: any, a: string, b: string) =>
        m.collaborationMatrix.counts[ROMS.indexOf(a)][ROMS.indexOf(b)];
      expect(at(after, 'BOM', 'LIOF')).toBe(at(before.liof, 'BOM', 'LIOF') + 1);
    });
    expect(await gql(MATRIX)).toEqual(before.anonymous);
    expect(await gql(MATRIX, {}, horizon)).toEqual(before.horizon);
    expect(await gql(GRAPH, {}, horizon)).toEqual(before.graph);
  });
});

describe('as of a day', () => {
  const day = (offsetDays: number) => {
    const d = new Date(`${today()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offsetDays);
    return d.toISOString().slice(0, 10);
  };

  it('has a partnership that starts next month only from then on', async () => {
    const created = await server.gql(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      { input: { fromId: ids.get('KNAW'), toId: ids.get('ROMUR'), kind: 'WORKS_WITH', since: day(31) } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const partnershipId = created.data.createPartnership.id;
    const edgeIds = async (asOf?: string) =>
      (await gql(GRAPH, { filter: { edgeKinds: ['PARTNERSHIP'], asOf } })).partnershipGraph.edges.map(
        (e: any) => e.id,
      );
    await eventually(async () => expect(await edgeIds(day(31))).toContain(partnershipId));
    expect(await edgeIds()).not.toContain(partnershipId);
    expect(await edgeIds(day(30))).not.toContain(partnershipId);
  });

  it('has a participation that ended last year now absent, and present as of two years ago', async () => {
    const created = await server.gql(
      `mutation { createOrganisation(input: { code: "ASOF_CO", name: "As-of Company", kind: COMPANY }) { id } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const company = created.data.createOrganisation.id;
    const esmee = (await gql(`{ initiative(code: "ESMEE") { id } }`)).initiative.id;
    const join = await server.gql(
      `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
      { input: { initiativeId: esmee, organisationId: company, joinedOn: day(-1095) } },
      admin,
    );
    expect(join.errors).toBeUndefined();
    const leave = await server.gql(
      `mutation ($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id } }`,
      { input: { initiativeId: esmee, organisationId: company, leftOn: day(-365) } },
      admin,
    );
    expect(leave.errors).toBeUndefined();
    const neighbours = async (asOf?: string) =>
      (await gql(NEIGHBOURHOOD, { id: company, asOf })).neighbourhood.nodes.map((n: any) => n.code);
    // Once the leave is applied (it is the later event), today has no tie; two years ago it had.
    await eventually(async () => expect(await neighbours()).toEqual(['ASOF_CO']));
    expect(await neighbours(day(-730))).toContain('UU');
    expect(await neighbours(day(-1096))).toEqual(['ASOF_CO']);
  });
});
