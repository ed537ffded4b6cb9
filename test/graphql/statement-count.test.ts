import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';

// The dashboard page: initiatives with lead, participants (organisation, role) and milestones. Its SQL cost must
// not grow with the page size (no N+1): one statement for the page with its leads, one for all participants
// with their organisations, one for all milestones.
let server: TestServer;

const DASHBOARD = `query ($first: Int) { initiatives(first: $first, filter: { search: "DASH_" }) { nodes {
  code title status lead { name } participants(first: 20) { nodes { role organisation { code name } } }
  milestones { title status dueOn } } } }`;

beforeAll(async () => {
  // No polling: the live feed's reads of the log would count as statements of the request under test.
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  // 60 public initiatives, each with a lead, 25 participants and 3 milestones.
  await server.app.db.read(`
    WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations),
    ins AS (
      INSERT INTO initiatives (code, title, status, visibility, lead_id)
      SELECT 'DASH_' || lpad(g::text, 3, '0'), 'Dashboard initiative ' || g, 'ACTIVE', 'PUBLIC',
             (SELECT id FROM orgs WHERE n = 1 + g % 60)
        FROM generate_series(1, 60) g RETURNING id),
    parts AS (
      INSERT INTO participations (initiative_id, organisation_id, role)
      SELECT ins.id, orgs.id, 'PARTNER' FROM ins JOIN orgs ON orgs.n <= 25 RETURNING 1)
    INSERT INTO milestones (initiative_id, title, due_on, status)
    SELECT ins.id, 'Milestone ' || m, DATE '2026-01-01' + m * 30, 'PLANNED' FROM ins, generate_series(1, 3) m`);
});
afterAll(() => server?.close());

async function statementsFor(
  first: number,
): Promise<{ statements: number; initiatives: number; participants: number }> {
  const before = server.app.db.statementCount;
  const res = await server.gql(DASHBOARD, { first });
  expect(res.errors).toBeUndefined();
  const nodes = res.data.initiatives.nodes;
  return {
    statements: server.app.db.statementCount - before,
    initiatives: nodes.length,
    participants: nodes.reduce((sum: number, n: any) => sum + n.participants.nodes.length, 0),
  };
}

describe('dashboard page SQL', () => {
  it('costs the same small number of statements for 5 and for 50 initiatives', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.initiatives).toBe(5);
    expect(large.initiatives).toBe(50);
    expect(large.participants).toBe(50 * 20);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(3);
  });

  it('adds one statement for totalCount, not one per initiative', async () => {
    const before = server.app.db.statementCount;
    const res = await server.gql(
      `{ initiatives(first: 50, filter: { search: "DASH_" }) { totalCount nodes { participants(first: 20) { totalCount } } } }`,
    );
    expect(res.data.initiatives.totalCount).toBe(60);
    expect(res.data.initiatives.nodes.every((n: any) => n.participants.totalCount === 25)).toBe(true);
    // page + initiatives count + participants page + participants counts
    expect(server.app.db.statementCount - before).toBe(4);
  });
});

describe('nested connections', () => {
  it('costs the same statements for the participations and partnerships of 5 and of 50 organisations', async () => {
    const query = `query ($first: Int) { organisations(first: $first) { nodes { code
      participations(first: 5) { totalCount nodes { role initiative { code } } }
      partnerships(first: 5) { totalCount nodes { kind from { code } to { code } } } } } }`;
    const count = async (first: number) => {
      const before = server.app.db.statementCount;
      const res = await server.gql(query, { first });
      expect(res.errors).toBeUndefined();
      return { statements: server.app.db.statementCount - before, nodes: res.data.organisations.nodes };
    };
    const small = await count(5);
    const large = await count(50);
    expect(large.nodes).toHaveLength(50);
    expect(large.nodes.some((o: any) => o.partnerships.totalCount > 0)).toBe(true);
    expect(large.nodes.some((o: any) => o.participations.totalCount > 0)).toBe(true);
    // organisations page; participations page and counts; partnerships page and counts; their initiatives and
    // organisations by key
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(7);
  });

  it('answers the same pages batched as one at a time', async () => {
    const one = await server.gql(`{ organisation(code: "BOM") { participations(first: 3) { totalCount
      pageInfo { endCursor } nodes { id } } partnerships(first: 3) { totalCount nodes { id } } } }`);
    const many = await server.gql(`{ organisations(first: 100) { nodes { code participations(first: 3) {
      totalCount pageInfo { endCursor } nodes { id } } partnerships(first: 3) { totalCount nodes { id } } } } }`);
    const bom = many.data.organisations.nodes.find((o: any) => o.code === 'BOM');
    expect(bom.participations).toEqual(one.data.organisation.participations);
    expect(bom.partnerships).toEqual(one.data.organisation.partnerships);
    expect(one.data.organisation.participations.nodes).toHaveLength(3);
    const next = await server.gql(
      `query ($after: String) { organisation(code: "BOM") { participations(first: 3, after: $after) { nodes { id } } } }`,
      { after: one.data.organisation.participations.pageInfo.endCursor },
    );
    const ids = one.data.organisation.participations.nodes.map((n: any) => n.id);
    for (const n of next.data.organisation.participations.nodes) expect(ids).not.toContain(n.id);
  });
});
