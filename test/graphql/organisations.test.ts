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

const countEvents = async () =>
  (await server.app.db.read<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;

describe('organisation queries', () => {
  it('finds an organisation by code with its provinces and provenance', async () => {
    const res = await server.gql(
      `{ organisation(code: "BOM") { id code name kind provinces source confidence } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation).toMatchObject({
      code: 'BOM',
      kind: 'ROM',
      provinces: ['NL-NB'],
      confidence: 'CONFIRMED',
    });
    const byId = await server.gql(`query ($id: ID!) { organisation(id: $id) { code } }`, {
      id: res.data.organisation.id,
    });
    expect(byId.data.organisation.code).toBe('BOM');
  });

  it('answers null for an unknown code and BAD_USER_INPUT for a malformed id', async () => {
    expect((await server.gql(`{ organisation(code: "NOPE") { code } }`)).data.organisation).toBeNull();
    expect(firstCode(await server.gql(`{ organisation(id: "bm90LWFuLWlk") { code } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstCode(await server.gql(`{ organisation { code } }`))).toBe('BAD_USER_INPUT');
  });

  it('lists the ROMs of a province', async () => {
    const res = await server.gql(
      `{ organisations(filter: { kinds: [ROM], provinces: ["NL-GE"] }) { totalCount nodes { code } } }`,
    );
    expect(res.data.organisations).toEqual({ totalCount: 1, nodes: [{ code: 'OOSTNL' }] });
  });

  it('pages through the registry with keyset cursors, without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await server.gql(
        `query ($after: String) { organisations(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }`,
        { after },
      );
      seen.push(...res.data.organisations.nodes.map((n: { code: string }) => n.code));
      after = res.data.organisations.pageInfo.hasNextPage ? res.data.organisations.pageInfo.endCursor : null;
      expect(res.data.organisations.totalCount).toBe(63);
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(63);
    expect(new Set(seen).size).toBe(63);
    expect([...seen].sort()).toEqual(seen);
  });

  it('searches code and names case-insensitively, with LIKE wildcards taken literally', async () => {
    const res = await server.gql(`{ organisations(filter: { search: "brabant" }) { nodes { code } } }`);
    expect(res.data.organisations.nodes.map((n: { code: string }) => n.code)).toContain('BOM');
    const wildcard = await server.gql(`{ organisations(filter: { search: "%" }) { totalCount } }`);
    expect(wildcard.data.organisations.totalCount).toBe(0);
  });

  it.each([0, 101, -1])('rejects first: %i with BAD_USER_INPUT', async (first) => {
    const res = await server.gql(`query ($first: Int) { organisations(first: $first) { totalCount } }`, {
      first,
    });
    expect(firstCode(res)).toBe('BAD_USER_INPUT');
  });

  it('rejects a cursor it did not issue', async () => {
    expect(firstCode(await server.gql(`{ organisations(after: "garbage!") { totalCount } }`))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('rejects an unknown enum value in a filter', async () => {
    const res = await server.gql(`{ organisations(filter: { kinds: [SPACESHIP] }) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(firstCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("lists an organisation's participations and partnerships", async () => {
    const res = await server.gql(`{ organisation(code: "BOM") {
      participations(first: 50) { totalCount nodes { role initiative { code } } }
      partnerships { totalCount nodes { kind from { code } to { code } } } } }`);
    const org = res.data.organisation;
    expect(org.participations.totalCount).toBeGreaterThan(5);
    expect(org.participations.nodes.map((p: any) => p.initiative.code)).toContain('ESMEE');
    expect(org.partnerships.nodes).toContainEqual({
      kind: 'MEMBER_OF',
      from: { code: 'BOM' },
      to: { code: 'ROMNL' },
    });
    expect(org.partnerships.nodes).toContainEqual({
      kind: 'CAPITAL_PROVIDER_OF',
      from: { code: 'NL-NB' },
      to: { code: 'BOM' },
    });
  });
});

describe('createOrganisation and updateOrganisation', () => {
  it('creates an organisation and records ORGANISATION_CREATED', async () => {
    const before = await countEvents();
    const res = await server.gql(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id code kind provinces confidence } }`,
      {
        input: {
          code: 'ACME_BV',
          name: '  Acme BV ',
          kind: 'COMPANY',
          provinces: ['NL-NB'],
          website: 'acme.example.nl',
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrganisation).toMatchObject({
      code: 'ACME_BV',
      kind: 'COMPANY',
      confidence: 'UNVERIFIED',
    });
    const events = await server.app.db.read(
      `SELECT type, organisation_id FROM events ORDER BY seq DESC LIMIT 1`,
    );
    expect(events[0]!.type).toBe('ORGANISATION_CREATED');
    expect(await countEvents()).toBe(before + 1);
    const stored = await server.gql(`{ organisation(code: "ACME_BV") { name } }`);
    expect(stored.data.organisation.name).toBe('Acme BV');
  });

  it('answers CONFLICT for a duplicate code and writes nothing', async () => {
    const before = await countEvents();
    const res = await server.gql(
      `mutation { createOrganisation(input: { code: "BOM", name: "Other", kind: COMPANY }) { id } }`,
      {},
      admin,
    );
    expect(firstCode(res)).toBe('CONFLICT');
    expect(await countEvents()).toBe(before);
  });

  it.each([
    [{ code: 'bad code!', name: 'X', kind: 'COMPANY' }, 'input.code'],
    [{ code: 'OK1', name: '   ', kind: 'COMPANY' }, 'input.name'],
    [{ code: 'OK2', name: 'X'.repeat(301), kind: 'COMPANY' }, 'input.name'],
    [{ code: 'OK3', name: 'X', kind: 'COMPANY', provinces: ['Brabant'] }, 'input.provinces'],
    [{ code: 'OK4', name: 'X', kind: 'COMPANY', website: 'not a site' }, 'input.website'],
  ])('rejects bad input %j naming %s', async (input, field) => {
    const res = await server.gql(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
      { input },
      admin,
    );
    expect(firstCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe(field);
  });

  it('requires a signed-in caller with write rights', async () => {
    const anonymous = await server.gql(
      `mutation { createOrganisation(input: { code: "ANON", name: "A", kind: COMPANY }) { id } }`,
    );
    expect(firstCode(anonymous)).toBe('UNAUTHENTICATED');
    const viewer = await server.token('EZ', Role.VIEWER);
    const read = await server.gql(
      `mutation { createOrganisation(input: { code: "VIEW", name: "V", kind: COMPANY }) { id } }`,
      {},
      viewer,
    );
    expect(firstCode(read)).toBe('FORBIDDEN');
  });

  it('updates only the given fields and records what changed', async () => {
    const { data } = await server.gql(`{ organisation(code: "WESTLAND") { id name website } }`);
    const res = await server.gql(
      `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { name website } }`,
      { input: { id: data.organisation.id, website: 'gemeentewestland.nl' } },
      admin,
    );
    expect(res.data.updateOrganisation).toEqual({
      name: data.organisation.name,
      website: 'gemeentewestland.nl',
    });
    const [event] = await server.app.db.read(`SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('ORGANISATION_UPDATED');
    expect(event!.payload.changes.website).toEqual([data.organisation.website, 'gemeentewestland.nl']);
  });

  it('answers NOT_FOUND when updating an organisation that does not exist', async () => {
    const id = Buffer.from('Organisation:999999').toString('base64url');
    const res = await server.gql(
      `mutation ($id: ID!) { updateOrganisation(input: { id: $id, name: "X" }) { id } }`,
      { id },
      admin,
    );
    expect(firstCode(res)).toBe('NOT_FOUND');
  });
});
