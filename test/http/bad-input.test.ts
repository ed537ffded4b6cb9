/**
 * Malformed input found by fuzzing: each answer must be a client error with a public code (and the field at
 * fault), never a masked INTERNAL_SERVER_ERROR, and must leave no error line in the server's log.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type GraphQLResponse, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';

let server: TestServer;
let admin: string;
let organisationId: string;

beforeAll(async () => {
  // Introspection off, as in production: suggestions must be hidden too.
  server = await startTestServer({ INTROSPECTION: 'false' });
  admin = await server.token('ROMNL', Role.ADMIN);
  organisationId = (await server.gql(`{ organisation(code: "BOM") { id } }`)).data.organisation.id;
});
afterAll(() => server?.close());
afterEach(() => {
  // Emptied each time, so a log line is charged to the case that caused it.
  expect(server.logs.splice(0)).toEqual([]);
});

const cursorOf = (json: string) => Buffer.from(json).toString('base64url');

function expectInput(res: GraphQLResponse, field: string): void {
  expect(res.errors?.map((e) => e.extensions)).toEqual([
    expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
  ]);
}

async function post(body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('U+0000 in a string argument', () => {
  it.each([
    ['organisation(code:)', `query ($s: String) { organisation(code: $s) { code } }`, 'code'],
    ['initiative(code:)', `query ($s: String) { initiative(code: $s) { code } }`, 'code'],
    [
      'organisations(filter: { search })',
      `query ($s: String) { organisations(filter: { search: $s }) { totalCount } }`,
      'filter.search',
    ],
    [
      'initiatives(filter: { search })',
      `query ($s: String) { initiatives(filter: { search: $s }) { totalCount } }`,
      'filter.search',
    ],
  ])('%s answers BAD_USER_INPUT naming the argument', async (_what, query, field) => {
    expectInput(await server.gql(query, { s: 'B\u0000OM' }), field);
  });

  it('in a code written into the query text as well', async () => {
    expectInput(await server.gql(`{ organisation(code: "BOM\\u0000") { code } }`), 'code');
  });

  it.each(['organisations', 'initiatives'])('in a cursor of %s, ordered by code', async (list) => {
    const after = cursorOf(JSON.stringify(['B\u0000']));
    expectInput(
      await server.gql(`query ($after: String) { ${list}(after: $after) { totalCount } }`, { after }),
      'after',
    );
  });

  it('that reaches SQL past every check is still the caller’s error', async () => {
    await expect(server.app.db.read(`SELECT $1::text AS t`, ['a\u0000b'])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('lists of more than 50 values, repeats included', () => {
  const provinces = Array.from({ length: 51 }, (_, i) => (i % 2 ? 'NL-UT' : 'NL-NB'));
  const themes = Array.from({ length: 51 }, () => 'HEALTH');

  it.each([
    [
      'summary provinces',
      `query ($p: [String!]) { networkSummary(filter: { provinces: $p }) { byStatus { key } } }`,
      { p: provinces },
      'filter.provinces',
    ],
    [
      'graph provinces',
      `query ($p: [String!]) { partnershipGraph(filter: { provinces: $p }) { asOf } }`,
      { p: provinces },
      'filter.provinces',
    ],
    [
      'graph themes',
      `query ($t: [Theme!]) { partnershipGraph(filter: { themes: $t }) { asOf } }`,
      { t: themes },
      'filter.themes',
    ],
  ])('%s answer BAD_USER_INPUT naming the argument', async (_what, query, variables, field) => {
    expectInput(await server.gql(query, variables), field);
  });

  it('are refused by the export too, counted over repeated and comma-separated parameters', async () => {
    const search = new URLSearchParams([
      ['format', 'json'],
      ['provinces', provinces.slice(0, 30).join(',')],
      ...provinces.slice(30).map((p) => ['provinces', p]),
    ]);
    const res = await fetch(`${server.url}/export/graph?${search}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({
      message: 'provinces has 51 values; at most 50',
      extensions: { code: 'BAD_USER_INPUT', field: 'provinces' },
    });
  });

  it('hold only the twelve provinces: NL-XX has the shape of a code but is none', async () => {
    const res = await server.gql(
      `query ($p: [String!]) { organisations(filter: { provinces: $p }) { totalCount } }`,
      { p: ['NL-UT', 'NL-XX'] },
    );
    expectInput(res, 'filter.provinces');
    expect(res.errors![0]!.message).toMatch(
      /"NL-XX"; use the ISO 3166-2:NL codes of the twelve provinces: NL-DR,/,
    );
  });

  it('take 50', async () => {
    const res = await server.gql(
      `query ($p: [String!]) { networkSummary(filter: { provinces: $p }) { byStatus { key } } }`,
      {
        p: provinces.slice(0, 50),
      },
    );
    expect(res.errors).toBeUndefined();
  });
});

describe('cursors that are not integers where the list is keyed by id', () => {
  const lists: [string, string][] = [
    [
      'participations',
      `query ($after: String) { organisation(code: "BOM") { participations(after: $after) { nodes { id } } } }`,
    ],
    [
      'partnerships',
      `query ($after: String) { organisation(code: "BOM") { partnerships(after: $after) { nodes { id } } } }`,
    ],
    [
      'participants',
      `query ($after: String) { initiative(code: "ESMEE") { participants(after: $after) { nodes { id } } } }`,
    ],
    [
      'apiKeys',
      `query ($after: String, $o: ID!) { apiKeys(organisationId: $o, after: $after) { nodes { id } } }`,
    ],
  ];
  const keys = ['["abc"]', '[1.5]', '[1e400]', '[-1]', '[2147483648]', '[9999999999999999999]'];
  it.each(lists.flatMap(([list, query]) => keys.map((key) => [list, key, query] as const)))(
    '%s after %s answers BAD_USER_INPUT naming after',
    async (_list, key, query) => {
      expectInput(await server.gql(query, { after: cursorOf(key), o: organisationId }, admin), 'after');
    },
  );

  it('events after a seq beyond bigint answers BAD_USER_INPUT naming after', async () => {
    const res = await server.gql(`query ($after: String) { events(after: $after) { totalCount } }`, {
      after: cursorOf('["9223372036854775808"]'),
    });
    expectInput(res, 'after');
  });
});

describe('a subscription sent by HTTP POST', () => {
  it('is refused with 400 BAD_REQUEST pointing at the WebSocket endpoint', async () => {
    const res = await post({ query: 'subscription { events { id } }' });
    expect(res.status).toBe(400);
    expect(firstCode(res.body)).toBe('BAD_REQUEST');
    expect(res.body.errors[0].message).toMatch(/WebSocket.*\/graphql.*graphql-transport-ws/);
  });
});

describe('malformed extensions.persistedQuery', () => {
  const query = '{ __typename }';
  const hash = createHash('sha256').update(query).digest('hex');
  it.each([
    [
      'a hash that is not the query’s',
      { query, hash: 'a'.repeat(64) },
      'extensions.persistedQuery.sha256Hash',
    ],
    [
      'version 2',
      { query, persistedQuery: { version: 2, sha256Hash: hash } },
      'extensions.persistedQuery.version',
    ],
    ['no version', { query, persistedQuery: { sha256Hash: hash } }, 'extensions.persistedQuery.version'],
    [
      'a number as hash',
      { query, persistedQuery: { version: 1, sha256Hash: 5 } },
      'extensions.persistedQuery.sha256Hash',
    ],
    ['an upper-case hash', { query, hash: hash.toUpperCase() }, 'extensions.persistedQuery.sha256Hash'],
    [
      'a number as hash, without query',
      { persistedQuery: { version: 1, sha256Hash: 5 } },
      'extensions.persistedQuery.sha256Hash',
    ],
    ['a string', { query, persistedQuery: 'yes' }, 'extensions.persistedQuery'],
  ])('%s is refused with 400 BAD_REQUEST naming the field', async (_what, c, field) => {
    const {
      query: q,
      hash: h,
      persistedQuery,
    } = c as { query?: string; hash?: string; persistedQuery?: unknown };
    const res = await post({
      query: q,
      extensions: { persistedQuery: persistedQuery ?? { version: 1, sha256Hash: h } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'BAD_REQUEST', field }]);
  });

  it('is refused on GET too', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } });
    const res = await fetch(`${server.url}/graphql?${new URLSearchParams({ query, extensions })}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(400);
    expect(firstCode((await res.json()) as GraphQLResponse)).toBe('BAD_REQUEST');
  });

  it('still registers and serves a well-formed one', async () => {
    const persistedQuery = { version: 1, sha256Hash: hash };
    expect(firstCode((await post({ extensions: { persistedQuery } })).body)).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await post({ query, extensions: { persistedQuery } })).body.data).toEqual({
      __typename: 'Query',
    });
    expect((await post({ extensions: { persistedQuery } })).body.data).toEqual({ __typename: 'Query' });
  });
});

describe('with introspection off, errors suggest no names (and keep their codes)', () => {
  it('over HTTP, in validation errors', async () => {
    const res = await server.gql(`{ organisationz { totalCount } }`);
    expect(firstCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('over HTTP, in variable errors', async () => {
    const kinds = await server.gql(
      `query ($k: [OrganisationKind!]) { organisations(filter: { kinds: $k }) { totalCount } }`,
      { k: ['ROMM'] },
    );
    const filter = await server.gql(
      `query ($f: OrganisationFilter) { organisations(filter: $f) { totalCount } }`,
      { f: { serach: 'x' } },
    );
    for (const res of [kinds, filter]) {
      expect(firstCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
    }
  });

  it('over WebSocket, in validation and variable errors', async () => {
    const socket = await TestSocket.connect(server.url, `Bearer ${admin}`);
    try {
      socket.subscribe('field', `subscription { eventz { id } }`);
      const field = await socket.next();
      expect(field).toMatchObject({ id: 'field', type: 'error' });
      expect(field.payload[0]).toMatchObject({
        message: expect.stringMatching(/Cannot query field "eventz"/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      socket.subscribe('enum', `subscription ($t: [EventType!]) { events(filter: { types: $t }) { id } }`, {
        t: ['MILESTONE_ADDEDD'],
      });
      const enumValue = await socket.next();
      expect(enumValue.id).toBe('enum');
      const errors = enumValue.payload.errors ?? enumValue.payload;
      expect(errors[0]).toMatchObject({
        message: expect.stringMatching(/MILESTONE_ADDEDD/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      for (const message of [field.payload[0].message, errors[0].message]) {
        expect(message).not.toMatch(/Did you mean/);
      }
    } finally {
      socket.ws.close();
    }
  });
});
