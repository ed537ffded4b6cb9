import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

let server: TestServer;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
  const res =
    await server.gql(`{ liof: organisation(code: "LIOF") { id } tno: organisation(code: "TNO") { id }
    rv: initiative(code: "RV_NTS") { id } mjs: initiative(code: "MJS_2024_2027") { id milestones { id title version } } }`);
  ids.liof = res.data.liof.id;
  ids.tno = res.data.tno.id;
  ids.rv = res.data.rv.id;
  ids.mjs = res.data.mjs.id;
});
afterAll(() => server?.close());

const snapshot = () =>
  server.app.db
    .read(`SELECT (SELECT count(*) FROM participations) AS p, (SELECT count(*) FROM milestones) AS m,
    (SELECT sum(version) FROM milestones) AS v, (SELECT count(*) FROM events) AS e`);

describe('joinInitiative and leaveInitiative', () => {
  const JOIN = `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id role joinedOn leftOn active organisation { code } initiative { code } } }`;
  const LEAVE = `mutation ($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { role leftOn active } }`;

  it('adds a partner with the default role and records PARTNER_JOINED', async () => {
    const res = await server.gql(JOIN, { input: { initiativeId: ids.rv, organisationId: ids.tno } }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.joinInitiative).toMatchObject({
      role: 'PARTNER',
      leftOn: null,
      active: true,
      organisation: { code: 'TNO' },
      initiative: { code: 'RV_NTS' },
    });
    const [event] = await server.app.db.read(
      `SELECT type, participation_id, payload FROM events ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ type: 'PARTNER_JOINED', payload: { role: 'PARTNER' } });
  });

  it('answers CONFLICT when the organisation already takes part, and writes nothing', async () => {
    const before = await snapshot();
    const res = await server.gql(
      JOIN,
      { input: { initiativeId: ids.rv, organisationId: ids.tno, role: 'LEAD' } },
      admin,
    );
    expect(firstCode(res)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('ends a participation, records PARTNER_LEFT, and allows rejoining later', async () => {
    const res = await server.gql(LEAVE, { input: { initiativeId: ids.rv, organisationId: ids.tno } }, admin);
    expect(res.data.leaveInitiative).toMatchObject({ active: false });
    expect(res.data.leaveInitiative.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [event] = await server.app.db.read(`SELECT type FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('PARTNER_LEFT');
    const again = await server.gql(
      LEAVE,
      { input: { initiativeId: ids.rv, organisationId: ids.tno } },
      admin,
    );
    expect(firstCode(again)).toBe('NOT_FOUND');
    const rejoin = await server.gql(
      JOIN,
      { input: { initiativeId: ids.rv, organisationId: ids.tno, role: 'KNOWLEDGE_PARTNER' } },
      admin,
    );
    expect(rejoin.data.joinInitiative.role).toBe('KNOWLEDGE_PARTNER');
  });

  it.each([
    [{ initiativeId: 'bad', organisationId: 'bad' }, 'BAD_USER_INPUT'],
    [
      { initiativeId: Buffer.from('Initiative:424242').toString('base64url'), organisationId: 'x' },
      'NOT_FOUND',
    ],
    [{ joinedOn: '2026-13-01' }, 'BAD_USER_INPUT'],
  ])('rejects %j with %s', async (input, code) => {
    const before = await snapshot();
    const res = await server.gql(
      JOIN,
      { input: { initiativeId: ids.rv, organisationId: ids.liof, ...input } },
      admin,
    );
    expect(firstCode(res)).toBe(code);
    expect(await snapshot()).toEqual(before);
  });
});

describe('addMilestone and updateMilestone', () => {
  const ADD = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id title dueOn status version initiative { code } } }`;
  const UPDATE = `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id title dueOn status version } }`;
  let milestone: { id: string; version: number };

  it('adds a milestone, PLANNED by default, at version 1', async () => {
    const res = await server.gql(
      ADD,
      { input: { initiativeId: ids.mjs, title: 'Mid-term review', dueOn: '2026-06-30' } },
      admin,
    );
    expect(res.data.addMilestone).toMatchObject({
      title: 'Mid-term review',
      dueOn: '2026-06-30',
      status: 'PLANNED',
      version: 1,
      initiative: { code: 'MJS_2024_2027' },
    });
    milestone = res.data.addMilestone;
    const [event] = await server.app.db.read(`SELECT type FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('MILESTONE_ADDED');
  });

  it('updates with the current version, bumps it and records the change', async () => {
    const res = await server.gql(
      UPDATE,
      { input: { id: milestone.id, expectedVersion: 1, status: 'AT_RISK', dueOn: '2026-09-30' } },
      admin,
    );
    expect(res.data.updateMilestone).toMatchObject({ status: 'AT_RISK', dueOn: '2026-09-30', version: 2 });
    const [event] = await server.app.db.read(`SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({
      type: 'MILESTONE_CHANGED',
      payload: {
        changes: { status: ['PLANNED', 'AT_RISK'], due_on: ['2026-06-30', '2026-09-30'] },
        version: 2,
      },
    });
  });

  it('rejects a stale milestone version with CONFLICT and changes nothing', async () => {
    const before = await snapshot();
    const res = await server.gql(
      UPDATE,
      { input: { id: milestone.id, expectedVersion: 1, status: 'DONE' } },
      admin,
    );
    expect(firstCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.currentVersion).toBe(2);
    expect(await snapshot()).toEqual(before);
    const now = await server.gql(
      `query ($id: ID!) { node(id: $id) { ... on Milestone { status version } } }`,
      { id: milestone.id },
    );
    expect(now.data.node).toEqual({ status: 'AT_RISK', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const results = await Promise.all(
      ['DONE', 'DELAYED'].map((status) =>
        server.gql(UPDATE, { input: { id: milestone.id, expectedVersion: 2, status } }, admin),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => firstCode(r) === 'CONFLICT')).toHaveLength(1);
  });

  it.each([
    [{ title: '  ' }, 'BAD_USER_INPUT'],
    [{ dueOn: 'tomorrow' }, 'BAD_USER_INPUT'],
    [{}, 'BAD_USER_INPUT'],
    [{ expectedVersion: 0, status: 'DONE' }, 'BAD_USER_INPUT'],
  ])('rejects the update %j with %s', async (input, code) => {
    const res = await server.gql(
      UPDATE,
      { input: { id: milestone.id, expectedVersion: 3, ...input } },
      admin,
    );
    expect(firstCode(res)).toBe(code);
  });

  it('answers NOT_FOUND for a milestone that does not exist', async () => {
    const id = Buffer.from('Milestone:777777').toString('base64url');
    expect(
      firstCode(await server.gql(UPDATE, { input: { id, expectedVersion: 1, status: 'DONE' } }, admin)),
    ).toBe('NOT_FOUND');
  });
});
