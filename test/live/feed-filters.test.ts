import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { organisationIds } from '../harness/graph.js';
import { TestSubscriber } from '../harness/subscriber.js';

// events(filter: { themes, organisationKinds }) over HTTP and live, the live matcher and the replay agreeing.
let server: TestServer;
let ids: Map<string, string>;
const sockets: TestSubscriber[] = [];
const system = () => new RequestScope(systemViewer);

beforeAll(async () => {
  server = await startTestServer();
  ids = await organisationIds(server);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

const initiativeId = async (code: string) =>
  (await server.gql(`{ initiative(code: "${code}") { id themes } }`)).data.initiative as {
    id: string;
    themes: string[];
  };

describe('events by theme and organisation kind', () => {
  it('are the events SQL finds, over HTTP', async () => {
    const res = await server.gql(
      `{ events(first: 100, filter: { themes: [AGRI_FOOD] }) { totalCount } byKind: events(first: 100, filter: { organisationKinds: [TKI] }) { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    const [{ themed }] = await server.app.db.read(`SELECT count(*)::int AS themed FROM events e
      JOIN initiatives i ON i.id = e.initiative_id WHERE i.visibility = 'PUBLIC' AND 'AGRI_FOOD' = ANY(i.themes)`);
    const [{ kinds }] = await server.app.db.read(`SELECT count(*)::int AS kinds FROM events e
      LEFT JOIN initiatives i ON i.id = e.initiative_id
     WHERE (e.initiative_id IS NULL OR i.visibility = 'PUBLIC')
       AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = ANY(e.organisation_ids) AND o.kind = 'TKI')`);
    expect(res.data.events.totalCount).toBe(themed);
    expect(res.data.byKind.totalCount).toBe(kinds);
    expect(themed).toBeGreaterThan(0);
    expect(kinds).toBeGreaterThan(0);
  });

  it('deliver live only what the theme filter selects, and replay the same', async () => {
    const agrifood = await initiativeId('VOEDSELWAARDE');
    const other = await initiativeId('RV_NTS');
    expect(agrifood.themes).toContain('AGRI_FOOD');
    expect(other.themes).not.toContain('AGRI_FOOD');
    // Replay from where the log ends now: the milestones below, and nothing seeded before them.
    const [{ seq }] = await server.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
    const cursor = encodeCursor([seq]);
    const socket = await TestSubscriber.connect(server.url);
    sockets.push(socket);
    const FEED = `subscription ($after: String) { events(after: $after, filter: { themes: [AGRI_FOOD], types: [MILESTONE_ADDED] }) { cursor milestone { title } initiative { code } } }`;
    socket.subscribe('live', FEED, {});
    await socket.silence(200);
    for (const [initiative, title] of [
      [other.id, 'Not agrifood'],
      [agrifood.id, 'Agrifood milestone'],
    ] as const) {
      await server.app.services.milestones.add(system(), { initiativeId: initiative, title });
    }
    const [live] = await socket.nexts(1);
    expect(live.data.events).toMatchObject({
      milestone: { title: 'Agrifood milestone' },
      initiative: { code: 'VOEDSELWAARDE' },
    });
    await socket.silence(300);
    const replay = await TestSubscriber.connect(server.url);
    sockets.push(replay);
    replay.subscribe('replay', FEED, { after: cursor });
    const [replayed] = await replay.nexts(1);
    expect(replayed.data.events.milestone.title).toBe('Agrifood milestone');
    await replay.silence(300);
  });

  it('deliver live only events that concern an organisation of the kinds asked for', async () => {
    const socket = await TestSubscriber.connect(server.url);
    sockets.push(socket);
    socket.subscribe(
      'kinds',
      `subscription { events(filter: { organisationKinds: [UNIVERSITY], types: [PARTNER_JOINED] }) { organisation { code kind } } }`,
      {},
    );
    await socket.silence(200);
    const initiative = (await initiativeId('RV_NTS')).id;
    const admin = await server.token('ROMNL', 'ADMIN' as never);
    const company = (
      await server.gql(
        `mutation { createOrganisation(input: { code: "FEED_CO", name: "Feed Co", kind: COMPANY }) { id } }`,
        {},
        admin,
      )
    ).data.createOrganisation.id;
    for (const organisationId of [company, ids.get('UU')!]) {
      const joined = await server.gql(
        `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
        { input: { initiativeId: initiative, organisationId } },
        admin,
      );
      expect(joined.errors).toBeUndefined();
    }
    const [event] = await socket.nexts(1);
    expect(event.data.events.organisation).toEqual({ code: 'UU', kind: 'UNIVERSITY' });
    await socket.silence(300);
  });
});
