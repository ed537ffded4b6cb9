import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hiddenInitiative, organisationIds } from '../harness/graph.js';

let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

const TRAIL = `query ($id: ID!, $after: String) { auditTrail(initiativeId: $id, first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { cursor type occurredAt actor { code } payload source confidence
    participation { organisation { code } } milestone { title } } } }`;

async function trail(id: string, auth?: string) {
  const res = await server.gql(TRAIL, { id }, auth);
  expect(res.errors).toBeUndefined();
  return res.data.auditTrail;
}

describe('auditTrail', () => {
  it("lists an initiative's events oldest first, each with the source and confidence of its fact", async () => {
    const esmee = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
    const t = await trail(esmee);
    // The fact of each event, most specific first, as the log links it.
    const rows = await server.app.db.read(
      `SELECT e.seq, e.type,
              CASE WHEN e.milestone_id IS NOT NULL THEN m.source
                   WHEN e.participation_id IS NOT NULL THEN p.source
                   WHEN e.funding_allocation_id IS NOT NULL THEN f.provenance
                   WHEN e.activity_id IS NOT NULL THEN a.source
                   ELSE i.source END AS source,
              CASE WHEN e.milestone_id IS NOT NULL OR e.activity_id IS NOT NULL THEN NULL
                   WHEN e.participation_id IS NOT NULL THEN p.confidence
                   WHEN e.funding_allocation_id IS NOT NULL THEN f.confidence
                   ELSE i.confidence END AS confidence
         FROM events e JOIN initiatives i ON i.id = e.initiative_id
         LEFT JOIN milestones m ON m.id = e.milestone_id
         LEFT JOIN participations p ON p.id = e.participation_id
         LEFT JOIN funding_allocations f ON f.id = e.funding_allocation_id
         LEFT JOIN activities a ON a.id = e.activity_id
        WHERE i.code = 'ESMEE' ORDER BY e.seq`,
    );
    expect(t.totalCount).toBe(rows.length);
    expect(t.nodes.map((n: any) => n.type)).toEqual(rows.map((r) => r.type));
    expect(t.nodes.map((n: any) => [n.source, n.confidence])).toEqual(
      rows.map((r) => [r.source, r.confidence]),
    );
    expect(t.nodes[0].type).toBe('INITIATIVE_CREATED');
    expect(t.nodes.filter((n: any) => n.type === 'PARTNER_JOINED').length).toBeGreaterThan(10);
  });

  it('records who changed what, with the change', async () => {
    const editor = await server.token('BOM', Role.EDITOR);
    const id = (await server.gql(`{ initiative(code: "ESMEE") { id milestones { id } } }`)).data.initiative
      .id;
    const added = await server.gql(
      `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id version } }`,
      { input: { initiativeId: id, title: 'Audit me', dueOn: '2027-03-01' } },
      editor,
    );
    expect(added.errors).toBeUndefined();
    const { id: milestoneId, version } = added.data.addMilestone;
    const changed = await server.gql(
      `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { version } }`,
      { input: { id: milestoneId, expectedVersion: version, status: 'AT_RISK' } },
      editor,
    );
    expect(changed.errors).toBeUndefined();
    const t = await trail(id);
    const last = t.nodes.at(-1);
    expect(last).toMatchObject({
      type: 'MILESTONE_CHANGED',
      actor: { code: 'BOM' },
      milestone: { title: 'Audit me' },
      payload: { changes: { status: ['PLANNED', 'AT_RISK'] } },
    });
  });

  it('is NOT_FOUND for an initiative the caller may not see, and lists it for its participants', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const hidden = await hiddenInitiative(server, bom, 'AUDIT_SECRET', ids.get('BOM')!, ids.get('LIOF')!);
    const outsider = await server.gql(TRAIL, { id: hidden });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const liof = await trail(hidden, await server.token('LIOF', Role.VIEWER));
    expect(liof.nodes.map((n: any) => n.type)).toEqual([
      'INITIATIVE_CREATED',
      'PARTNER_JOINED',
      'PARTNER_JOINED',
    ]);
  });
});
