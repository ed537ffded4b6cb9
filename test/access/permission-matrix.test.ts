import { today } from '../../server/infra/day.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { ApiKeyScope } from '../../server/modules/api-keys/api-key.type.js';
import { OrganisationKind, ParticipationRole, PartnershipKind, Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

// Every mutation x every kind of caller, with the outcome the access rules promise. Each case gets a fresh
// initiative led by BOM with LIOF as PARTNER (and a milestone), so no case depends on another; every denied
// write must leave the database and the event log exactly as they were.

type Caller =
  | 'anonymous'
  | 'viewer'
  | 'leadEditor'
  | 'participantEditor'
  | 'outsiderEditor'
  | 'admin'
  | 'readKey'
  | 'readWriteKey';
const CALLERS: Caller[] = [
  'anonymous',
  'viewer',
  'leadEditor',
  'participantEditor',
  'outsiderEditor',
  'admin',
  'readKey',
  'readWriteKey',
];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Fixture {
  initiativeId: string;
  milestoneId: string;
  freshOrganisationId: string;
  partnershipId: string;
  apiKeyId: string;
  n: number;
}

interface Row {
  mutation: string;
  query: string;
  variables: (f: Fixture) => Record<string, unknown>;
  expect: Record<Caller, Outcome>;
}

const W = 'FORBIDDEN' as const; // a known caller without the right
const U = 'UNAUTHENTICATED' as const;

let server: TestServer;
const auth: Partial<Record<Caller, string>> = {};
const ids: Record<string, string> = {};
let counter = 0;
const system = () => new RequestScope(systemViewer);

async function fixture(): Promise<Fixture> {
  const n = ++counter;
  const { services } = server.app;
  const initiative = await services.initiatives.create(system(), {
    code: `MATRIX_${n}`,
    title: `Matrix initiative ${n}`,
    leadOrganisationId: ids.BOM!,
  });
  await services.participations.join(system(), {
    initiativeId: initiative.id,
    organisationId: ids.LIOF!,
    role: ParticipationRole.PARTNER,
  });
  const milestone = await services.milestones.add(system(), {
    initiativeId: initiative.id,
    title: `Milestone ${n}`,
  });
  const fresh = await services.organisations.create(system(), {
    code: `MATRIX_ORG_${n}`,
    name: `Matrix org ${n}`,
    kind: OrganisationKind.COMPANY,
  });
  // One active BOM -> NOM tie at a time: end the previous case's, then make this case's own.
  // The Dutch day, which the partnership's since is (the database's current_date can be a day behind).
  await server.app.db.read(
    `UPDATE partnerships SET until = $1::date
    WHERE from_id = (SELECT id FROM organisations WHERE code = 'BOM') AND to_id = (SELECT id FROM organisations WHERE code = 'NOM') AND until IS NULL`,
    [today()],
  );
  const partnership = await services.partnerships.create(system(), {
    fromId: ids.BOM!,
    toId: ids.NOM!,
    kind: PartnershipKind.WORKS_WITH,
  });
  const key = await services.apiKeys.create(system(), {
    organisationId: ids.BOM!,
    name: `Matrix key ${n}`,
    scope: ApiKeyScope.READ,
  });
  return {
    n,
    initiativeId: initiative.id,
    milestoneId: milestone.id,
    freshOrganisationId: fresh.id,
    partnershipId: partnership.id,
    apiKeyId: key.apiKey.id,
  };
}

/** Everything a denied write could have touched. */
const snapshot = () =>
  server.app.db.read(`SELECT
    (SELECT count(*) FROM organisations) AS organisations, (SELECT max(updated_at)::text FROM organisations) AS org_updated,
    (SELECT count(*) FROM initiatives) AS initiatives, (SELECT max(updated_at)::text FROM initiatives) AS ini_updated,
    (SELECT count(*) FROM participations) AS participations, (SELECT count(*) FROM participations WHERE left_on IS NOT NULL) AS left,
    (SELECT count(*) FROM milestones) AS milestones, (SELECT sum(version) FROM milestones) AS versions,
    (SELECT count(*) FROM partnerships) AS partnerships, (SELECT count(*) FROM partnerships WHERE until IS NOT NULL) AS ended,
    (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM funding_allocations) AS funding,
    (SELECT count(*) FROM api_keys) AS keys, (SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL) AS revoked,
    (SELECT count(*) FROM events) AS events, (SELECT max(seq) FROM events) AS last_seq`);

const only = (allowed: Caller[], otherwise: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> =>
  Object.fromEntries(
    CALLERS.map((c) => [c, allowed.includes(c) ? 'ok' : (otherwise[c] ?? (c === 'anonymous' ? U : W))]),
  ) as Record<Caller, Outcome>;

const ROWS: Row[] = [
  {
    mutation: 'createOrganisation',
    query: `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    variables: (f) => ({ input: { code: `NEW_ORG_${f.n}`, name: 'New', kind: 'COMPANY' } }),
    expect: only(['admin']),
  },
  {
    mutation: "updateOrganisation (the lead's own record)",
    query: `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }`,
    variables: (f) => ({ input: { id: ids.BOM, notes: `note ${f.n}` } }),
    expect: only(['leadEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'createInitiative (led by the lead)',
    query: `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
    variables: (f) => ({ input: { code: `NEW_INI_${f.n}`, title: 'New', leadOrganisationId: ids.BOM } }),
    expect: only(['leadEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'updateInitiative',
    query: `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { id } }`,
    variables: (f) => ({ input: { id: f.initiativeId, status: 'ACTIVE' } }),
    expect: only(['leadEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'joinInitiative (another organisation)',
    query: `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
    variables: (f) => ({ input: { initiativeId: f.initiativeId, organisationId: f.freshOrganisationId } }),
    expect: only(['leadEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: "joinInitiative (the outsider's own organisation)",
    query: `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
    variables: (f) => ({ input: { initiativeId: f.initiativeId, organisationId: ids.NOM } }),
    expect: only(['leadEditor', 'outsiderEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'leaveInitiative (the participant)',
    query: `mutation ($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id } }`,
    variables: (f) => ({ input: { initiativeId: f.initiativeId, organisationId: ids.LIOF } }),
    expect: only(['leadEditor', 'participantEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'addMilestone',
    query: `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`,
    variables: (f) => ({ input: { initiativeId: f.initiativeId, title: 'Added' } }),
    expect: only(['leadEditor', 'participantEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'updateMilestone',
    query: `mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { id } }`,
    variables: (f) => ({ input: { id: f.milestoneId, expectedVersion: 1, status: 'AT_RISK' } }),
    expect: only(['leadEditor', 'participantEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'createPartnership (lead -> outsider)',
    query: `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
    variables: () => ({ input: { fromId: ids.BOM, toId: ids.NOM, kind: 'ROM_COLLABORATION' } }),
    expect: only(['leadEditor', 'outsiderEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'endPartnership (lead -> outsider)',
    query: `mutation ($input: EndPartnershipInput!) { endPartnership(input: $input) { id } }`,
    variables: (f) => ({ input: { id: f.partnershipId } }),
    expect: only(['leadEditor', 'outsiderEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: 'recordActivity (organised by the participant)',
    query: `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
    variables: () => ({
      input: { title: 'Workshop', kind: 'WORKSHOP', occurredOn: '2026-11-01', organiserIds: [ids.LIOF] },
    }),
    expect: only(['participantEditor', 'admin']),
  },
  {
    mutation: 'allocateFunding (from the lead)',
    query: `mutation ($input: AllocateFundingInput!) { allocateFunding(input: $input) { id } }`,
    variables: (f) => ({
      input: { initiativeId: f.initiativeId, sourceOrganisationId: ids.BOM, amountEur: 1000 },
    }),
    expect: only(['leadEditor', 'admin', 'readWriteKey']),
  },
  {
    mutation: "createApiKey (for the lead's organisation)",
    query: `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
    variables: (f) => ({ input: { organisationId: ids.BOM, name: `key ${f.n}`, scope: 'READ' } }),
    expect: only(['leadEditor', 'admin']),
  },
  {
    mutation: "revokeApiKey (a key of the lead's organisation)",
    query: `mutation ($id: ID!) { revokeApiKey(id: $id) }`,
    variables: (f) => ({ id: f.apiKeyId }),
    expect: only(['leadEditor', 'admin'], { participantEditor: 'NOT_FOUND', outsiderEditor: 'NOT_FOUND' }),
  },
];

beforeAll(async () => {
  server = await startTestServer();
  const { data } =
    await server.gql(`{ BOM: organisation(code: "BOM") { id } LIOF: organisation(code: "LIOF") { id }
    NOM: organisation(code: "NOM") { id } ROMNL: organisation(code: "ROMNL") { id } }`);
  for (const [code, value] of Object.entries(data)) ids[code] = (value as { id: string }).id;
  auth.viewer = await server.token('EZ', Role.VIEWER);
  auth.leadEditor = await server.token('BOM', Role.EDITOR);
  auth.participantEditor = await server.token('LIOF', Role.EDITOR);
  auth.outsiderEditor = await server.token('NOM', Role.EDITOR);
  auth.admin = await server.token('ROMNL', Role.ADMIN);
  const read = await server.app.services.apiKeys.create(system(), {
    organisationId: ids.BOM!,
    name: 'read',
    scope: ApiKeyScope.READ,
  });
  const readWrite = await server.app.services.apiKeys.create(system(), {
    organisationId: ids.BOM!,
    name: 'rw',
    scope: ApiKeyScope.READ_WRITE,
  });
  auth.readKey = `ApiKey ${read.key}`;
  auth.readWriteKey = `ApiKey ${readWrite.key}`;
});
afterAll(() => server?.close());

describe('the permission matrix', () => {
  const cases = ROWS.flatMap((row) =>
    CALLERS.map((caller) => [row.mutation, caller, row.expect[caller], row] as const),
  );

  it.each(cases)('%s by %s: %s', async (_mutation, caller, outcome, row) => {
    const f = await fixture();
    const before = await snapshot();
    const res = await server.gql(row.query, row.variables(f), auth[caller]);
    if (outcome === 'ok') {
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(await snapshot()).not.toEqual(before);
    } else {
      expect(firstCode(res), JSON.stringify(res.errors)).toBe(outcome);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('records the acting organisation on every event an allowed write appends', async () => {
    const f = await fixture();
    const [{ seq }] = await server.app.db.read(`SELECT max(seq) AS seq FROM events`);
    await server.gql(
      `mutation ($id: ID!) { addMilestone(input: { initiativeId: $id, title: "Actor" }) { id } }`,
      { id: f.initiativeId },
      auth.participantEditor,
    );
    await server.gql(
      `mutation ($id: ID!) { addMilestone(input: { initiativeId: $id, title: "Key actor" }) { id } }`,
      { id: f.initiativeId },
      auth.readWriteKey,
    );
    const rows = await server.app.db.read(
      `SELECT o.code FROM events e JOIN organisations o ON o.id = e.actor_id WHERE e.seq > $1 ORDER BY e.seq`,
      [seq],
    );
    expect(rows.map((r) => r.code)).toEqual(['LIOF', 'BOM']);
  });
});
