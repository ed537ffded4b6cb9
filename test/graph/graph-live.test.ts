import { afterAll, beforeAll, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSubscriber } from '../harness/subscriber.js';

// Two instances on one database, woken through the machine's Redis: each keeps its own in-memory network in
// step with the event log, applying a batch before its feed delivers it.
let a: TestServer;
let b: TestServer;
const sockets: TestSubscriber[] = [];

beforeAll(async () => {
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', EVENTS_POLL_MS: '5000' };
  a = await startTestServer(env);
  b = await startTestServer(env, a);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await b?.close();
  await a?.close();
});

const NEIGHBOURS = `query ($id: ID!) { neighbourhood(organisationId: $id) { nodes { code } } }`;

it("shows a mutation's effect on neighbourhood on the other instance as soon as its event is delivered there", async () => {
  const admin = await a.token('ROMNL', Role.ADMIN);
  const company = (
    await a.gql(
      `mutation { createOrganisation(input: { code: "LIVE_CO", name: "Live Company", kind: COMPANY }) { id } }`,
      {},
      admin,
    )
  ).data.createOrganisation.id;
  const esmee = (await a.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
  const codes = async (server: TestServer) =>
    (await server.gql(NEIGHBOURS, { id: company })).data.neighbourhood.nodes.map(
      (n: { code: string }) => n.code,
    );

  // A subscriber on each instance: each instance's network must show the change once its own feed delivered it.
  const JOINS = `subscription ($o: [ID!]) { events(filter: { organisationIds: $o, types: [PARTNER_JOINED] }) { cursor } }`;
  const onA = await TestSubscriber.connect(a.url);
  const onB = await TestSubscriber.connect(b.url);
  sockets.push(onA, onB);
  onA.subscribe('joins', JOINS, { o: [company] });
  onB.subscribe('joins', JOINS, { o: [company] });
  await onB.silence(200);
  expect(await codes(b)).toEqual(['LIVE_CO']);

  const joined = await a.gql(
    `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
    { input: { initiativeId: esmee, organisationId: company } },
    admin,
  );
  expect(joined.errors).toBeUndefined();
  await onB.nexts(1);
  // No waiting: the event reached b's subscriber, so b's network has it.
  const onInstanceB = await codes(b);
  expect(onInstanceB).toContain('UU');
  expect(onInstanceB).toContain('NOM');
  await onA.nexts(1);
  expect(await codes(a)).toEqual(onInstanceB);
});
