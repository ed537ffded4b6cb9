import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql as generated } from '../../client-sdk/src/index.js';
import { TrustedDocuments, sha256 } from '../../server/infra/graphql/trusted-documents.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';

// Trusted documents: with TRUSTED_DOCUMENTS=all, or from an API key created with trustedDocumentsOnly, only the
// operations registered in schema/trusted-documents.json (the SDK's and the dashboard's) run; by their text
// or by documentId. Everything else is PERSISTED_QUERY_NOT_IN_LIST, on HTTP and WebSocket alike.
const registry = TrustedDocuments.load();
const ORGANISATIONS = String(generated.OrganisationsDocument);
const FEED = String(generated.FeedEventsDocument);

const post = async (url: string, body: unknown, authorization?: string) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('the registry', () => {
  it('holds every operation the SDK and the dashboard send, by the SHA-256 of its text', async () => {
    // By path, as test/e2e/web-documents.test.ts loads it: the module is the browser app's.
    const web = (await import(fileURLToPath(new URL('../../web/src/api.ts', import.meta.url)))) as {
      DOCUMENTS: unknown[];
    };
    for (const text of web.DOCUMENTS.map(String)) expect(registry.trusts(text), text).toBe(true);
    for (const [name, document] of Object.entries(generated).filter(([n]) => n.endsWith('Document')))
      expect(registry.trusts(String(document)), name).toBe(true);
    expect(registry.body(`sha256:${sha256(ORGANISATIONS)}`)).toBe(ORGANISATIONS);
    expect(registry.trusts('{ __typename }')).toBe(false);
  });
});

describe('TRUSTED_DOCUMENTS=all', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUSTED_DOCUMENTS: 'all' });
  });
  afterAll(() => server?.close());

  it('runs the SDK’s operations, by text and by documentId, over POST and GET', async () => {
    const page = await server.client().organisations({ first: 2 });
    expect(page.nodes).toHaveLength(2);
    const byId = await post(server.url, {
      documentId: `sha256:${sha256(ORGANISATIONS)}`,
      variables: { first: 1 },
    });
    expect(byId.status).toBe(200);
    expect(byId.body.data.organisations.nodes).toHaveLength(1);
    const get = await fetch(
      `${server.url}/graphql?documentId=${sha256(ORGANISATIONS)}&variables=${encodeURIComponent('{"first":1}')}`,
      { headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.organisations.nodes).toHaveLength(1);
  });

  it('refuses any other document before it runs, and an unknown documentId', async () => {
    for (const body of [
      { query: '{ __typename }' },
      { query: `${ORGANISATIONS} ` },
      { query: '{ organisations(first: 100) { nodes { code } } }' },
      [{ query: ORGANISATIONS }],
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } } },
    ]) {
      const res = await post(server.url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect(res.body.errors[0].message).toMatch(/Only trusted documents are accepted/);
    }
    const unknown = await post(server.url, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions).toMatchObject({
      code: 'PERSISTED_QUERY_NOT_FOUND',
      field: 'documentId',
    });
  });

  it('applies over WebSocket too: the SDK’s feed runs, another subscription is refused', async () => {
    const socket = await TestSocket.connect(server.url);
    try {
      socket.send({ id: 'ok', type: 'subscribe', payload: { query: FEED, variables: {} } });
      socket.send({
        id: 'no',
        type: 'subscribe',
        payload: { query: 'subscription { events { cursor } }' },
      });
      const refused = await socket.next();
      expect(refused).toMatchObject({ id: 'no', type: 'error' });
      expect(refused.payload[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      await socket.silence(300);
    } finally {
      socket.close();
    }
  });
});

describe('an API key created with trustedDocumentsOnly', () => {
  let server: TestServer;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.token('BOM', Role.ADMIN);
    const bom = (await server.gql(`{ organisation(code: "BOM") { id } }`)).data.organisation.id;
    for (const [name, trustedDocumentsOnly] of [
      ['strict', true],
      ['open', false],
    ] as const) {
      const created = await server.gql(
        `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { trustedDocumentsOnly } } }`,
        { input: { organisationId: bom, name, scope: 'READ', trustedDocumentsOnly } },
        admin,
      );
      expect(created.data.createApiKey.apiKey.trustedDocumentsOnly).toBe(trustedDocumentsOnly);
      keys[name] = `ApiKey ${created.data.createApiKey.key}`;
    }
  });
  afterAll(() => server?.close());

  it('runs only registered documents; other keys and callers are not restricted', async () => {
    const strict = await post(server.url, { query: ORGANISATIONS, variables: { first: 1 } }, keys.strict);
    expect(strict.status).toBe(200);
    const own = await post(server.url, { query: '{ viewer { organisation { code } } }' }, keys.strict);
    expect(own.status).toBe(400);
    expect(own.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(own.body.data).toBeUndefined();
    const open = await post(server.url, { query: '{ viewer { organisation { code } } }' }, keys.open);
    expect(open.body.data.viewer.organisation.code).toBe('BOM');
    const anonymous = await post(server.url, { query: '{ __typename }' });
    expect(anonymous.body.data.__typename).toBe('Query');
  });

  it('over WebSocket as well', async () => {
    const socket = await TestSocket.connect(server.url, keys.strict);
    try {
      socket.send({ id: 'no', type: 'subscribe', payload: { query: 'subscription { events { cursor } }' } });
      const refused = await socket.next();
      expect(refused).toMatchObject({ id: 'no', type: 'error' });
      expect(refused.payload[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    } finally {
      socket.close();
    }
  });
});
