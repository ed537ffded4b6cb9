import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
});
afterAll(() => server?.close());

const EVENTS = `query ($after: String, $first: Int, $filter: EventFilter) { events(after: $after, first: $first, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id cursor type occurredAt payload
  actor { code } organisation { code } initiative { code } milestone { title } participation { role } partnership { kind } } } } }`;

describe('events query', () => {
  it('reads the seeded log oldest first and pages by cursor without gaps', async () => {
    const total = (await server.app.db.read(`SELECT count(*)::int AS n FROM events`))[0]!.n;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await server.gql(EVENTS, { after, first: 100 });
      expect(res.errors).toBeUndefined();
      for (const edge of res.data.events.edges) {
        expect(edge.cursor).toBe(edge.node.cursor);
        seen.push(edge.node.id);
      }
      after = res.data.events.pageInfo.hasNextPage ? res.data.events.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('resolves what an event is about; seeded events have no actor', async () => {
    const res = await server.gql(EVENTS, { first: 5, filter: { types: ['PARTNER_JOINED'] } });
    const node = res.data.events.edges[0].node;
    expect(node).toMatchObject({ type: 'PARTNER_JOINED', actor: null });
    expect(node.organisation.code).toBeTruthy();
    expect(node.initiative.code).toBeTruthy();
    expect(node.participation.role).toBeTruthy();
  });

  it('filters by type, initiative and organisation', async () => {
    const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } organisation(code: "UU") { id } }`);
    const byInitiative = await server.gql(EVENTS, {
      first: 100,
      filter: { initiativeIds: [data.initiative.id] },
    });
    expect(byInitiative.data.events.edges.every((e: any) => e.node.initiative.code === 'ESMEE')).toBe(true);
    const byOrg = await server.gql(EVENTS, {
      first: 100,
      filter: { organisationIds: [data.organisation.id], types: ['PARTNER_JOINED'] },
    });
    expect(byOrg.data.events.totalCount).toBeGreaterThan(0);
    expect(byOrg.data.events.edges.every((e: any) => e.node.organisation.code === 'UU')).toBe(true);
  });

  it('continues after the last cursor with exactly the new events, with the actor', async () => {
    const last = await server.gql(`query { events(first: 100) { totalCount } }`);
    const total = last.data.events.totalCount;
    const tail = (await server.app.db.read(`SELECT seq FROM events ORDER BY seq DESC LIMIT 1`))[0]!.seq;
    const cursor = Buffer.from(JSON.stringify([String(tail)])).toString('base64url');
    const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } }`);
    await server.gql(
      `mutation ($id: ID!) { addMilestone(input: { initiativeId: $id, title: "Final conference" }) { id } }`,
      { id: data.initiative.id },
      admin,
    );
    const res = await server.gql(EVENTS, { after: cursor });
    expect(res.data.events.edges.map((e: any) => e.node.type)).toEqual(['MILESTONE_ADDED']);
    expect(res.data.events.edges[0].node).toMatchObject({
      actor: { code: 'ROMNL' },
      milestone: { title: 'Final conference' },
    });
    expect((await server.gql(`query { events(first: 1) { totalCount } }`)).data.events.totalCount).toBe(
      total + 1,
    );
  });

  it('rejects a cursor that is not an event cursor', async () => {
    const orgCursor = Buffer.from(JSON.stringify(['BOM'])).toString('base64url');
    expect(firstCode(await server.gql(EVENTS, { after: orgCursor }))).toBe('BAD_USER_INPUT');
  });
});
