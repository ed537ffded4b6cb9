import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

// Credentials that must never read beyond anonymous: expired, forged, unsigned, for an unknown organisation;
// API keys revoked, expired or read-only. Single sign-on tokens are checked against a JWKS served here.
let server: TestServer;
let jwks: Server;
let providerKeys: Awaited<ReturnType<typeof generateKeyPair>>;
const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const ISSUER = 'https://idp.example.test';

const VIEWER = `{ viewer { role organisation { code } } }`;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function hs256(
  claims: Record<string, unknown>,
  secret = SECRET,
  exp = Math.floor(Date.now() / 1000) + 600,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer('romgraph')
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

beforeAll(async () => {
  providerKeys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(providerKeys.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const port = (jwks.address() as AddressInfo).port;
  server = await startTestServer({ JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER: ISSUER });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

describe('bearer tokens', () => {
  it('accepts a valid token and says who the caller is', async () => {
    const res = await server.gql(VIEWER, {}, await hs256({ org: 'BOM', role: 'EDITOR' }));
    expect(res.data.viewer).toEqual({ role: 'EDITOR', organisation: { code: 'BOM' } });
  });

  it.each([
    [
      'expired',
      () => hs256({ org: 'BOM', role: 'ADMIN' }, SECRET, Math.floor(Date.now() / 1000) - 10),
      /expired/,
    ],
    [
      'signed with another secret',
      () => hs256({ org: 'BOM', role: 'ADMIN' }, 'another-secret-another-secret-another-secret'),
      /not valid/,
    ],
    [
      'unsigned (alg none)',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', org: 'BOM', role: 'ADMIN', iss: 'romgraph', exp: 9999999999 })}.`,
      /not accepted/,
    ],
    ['for an unknown organisation', () => hs256({ org: 'NOWHERE', role: 'ADMIN' }), /not registered/],
    ['with a role that does not exist', () => hs256({ org: 'BOM', role: 'GOD' }), /role/],
    ['not a JWT at all', async () => 'abc.def', /not a JWT/],
  ])('refuses a token %s with 401 UNAUTHENTICATED, reading nothing', async (_what, make, message) => {
    const token = await make();
    const res = await server.gql(`{ viewer { role } initiatives { totalCount } }`, {}, token);
    expect(res.status).toBe(401);
    expect(firstCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(message);
    expect(res.data).toBeUndefined();
  });

  it('refuses a token whose HS256 signature is made with the public key of the identity provider (algorithm confusion)', async () => {
    const publicPem = Buffer.from(JSON.stringify(await exportJWK(providerKeys.publicKey)));
    const forged = await new SignJWT({ org: 'BOM', role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setExpirationTime('5m')
      .sign(publicPem);
    expect(firstCode(await server.gql(VIEWER, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('accepts RS256 tokens of the configured identity provider (single sign-on), and only those', async () => {
    const sso = (issuer: string) =>
      new SignJWT({ org: 'LIOF', role: 'VIEWER' })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setSubject('alice@liof.nl')
        .setIssuer(issuer)
        .setExpirationTime('5m')
        .sign(providerKeys.privateKey);
    expect((await server.gql(VIEWER, {}, await sso(ISSUER))).data.viewer).toEqual({
      role: 'VIEWER',
      organisation: { code: 'LIOF' },
    });
    expect(firstCode(await server.gql(VIEWER, {}, await sso('https://evil.example')))).toBe(
      'UNAUTHENTICATED',
    );
    const stranger = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ org: 'LIOF', role: 'ADMIN' })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setSubject('mallory')
      .setIssuer(ISSUER)
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    expect(firstCode(await server.gql(VIEWER, {}, foreign))).toBe('UNAUTHENTICATED');
  });

  it('refuses an Authorization header of another scheme', async () => {
    const res = await server.gql(VIEWER, {}, 'Basic dXNlcjpwYXNz');
    expect(firstCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('API keys', () => {
  const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix scope expiresAt revokedAt organisation { code } } } }`;
  let editor: string;
  let bomId: string;

  beforeAll(async () => {
    editor = await server.token('BOM', Role.EDITOR);
    bomId = (await server.gql(`{ organisation(code: "BOM") { id } }`)).data.organisation.id;
  });

  it('shows the plaintext once and stores only its hash', async () => {
    const res = await server.gql(
      CREATE,
      { input: { organisationId: bomId, name: 'CRM sync', scope: 'READ_WRITE' } },
      editor,
    );
    const { key, apiKey } = res.data.createApiKey;
    expect(key).toMatch(/^rgk_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({
      name: 'CRM sync',
      scope: 'READ_WRITE',
      revokedAt: null,
      organisation: { code: 'BOM' },
    });
    const [row] = await server.app.db.read(`SELECT * FROM api_keys WHERE prefix = $1`, [apiKey.prefix]);
    expect(JSON.stringify(row)).not.toContain(key.slice(apiKey.prefix.length + 1));
    expect(row!.secret_hash).toBe(createHash('sha256').update(key).digest('hex'));
    const listed = await server.gql(
      `query ($o: ID!) { apiKeys(organisationId: $o) { nodes { prefix } } }`,
      { o: bomId },
      editor,
    );
    expect(JSON.stringify(listed.data)).not.toContain(key.slice(apiKey.prefix.length + 1));
  });

  it('acts as its organisation with the rights of its scope, and records its use', async () => {
    const read = (
      await server.gql(CREATE, { input: { organisationId: bomId, name: 'dashboard', scope: 'READ' } }, editor)
    ).data.createApiKey;
    const viewer = await server.gql(VIEWER, {}, `ApiKey ${read.key}`);
    expect(viewer.data.viewer).toEqual({ role: 'VIEWER', organisation: { code: 'BOM' } });
    const write = await server.gql(
      `mutation ($id: ID!) { updateOrganisation(input: { id: $id, notes: "via key" }) { id } }`,
      { id: bomId },
      `ApiKey ${read.key}`,
    );
    expect(firstCode(write)).toBe('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 50));
    const [row] = await server.app.db.read(`SELECT last_used_at FROM api_keys WHERE prefix = $1`, [
      read.apiKey.prefix,
    ]);
    expect(row!.last_used_at).not.toBeNull();
  });

  it('stops working on the next request after it is revoked', async () => {
    const created = (
      await server.gql(
        CREATE,
        { input: { organisationId: bomId, name: 'to revoke', scope: 'READ_WRITE' } },
        editor,
      )
    ).data.createApiKey;
    expect((await server.gql(VIEWER, {}, `ApiKey ${created.key}`)).data.viewer.role).toBe('EDITOR');
    const revoked = await server.gql(
      `mutation ($id: ID!) { revokeApiKey(id: $id) }`,
      { id: created.apiKey.id },
      editor,
    );
    expect(revoked.data.revokeApiKey).toBe(true);
    const after = await server.gql(VIEWER, {}, `ApiKey ${created.key}`);
    expect(after.status).toBe(401);
    expect(after.errors![0]!.message).toMatch(/revoked/);
    expect(
      (await server.gql(`mutation ($id: ID!) { revokeApiKey(id: $id) }`, { id: created.apiKey.id }, editor))
        .data.revokeApiKey,
    ).toBe(false);
  });

  it('stops working once expired', async () => {
    const created = (
      await server.gql(
        CREATE,
        {
          input: {
            organisationId: bomId,
            name: 'short-lived',
            scope: 'READ',
            expiresAt: new Date(Date.now() + 60_000).toISOString(),
          },
        },
        editor,
      )
    ).data.createApiKey;
    expect((await server.gql(VIEWER, {}, `ApiKey ${created.key}`)).data.viewer.role).toBe('VIEWER');
    await server.app.db.read(
      `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = $1`,
      [created.apiKey.prefix],
    );
    const res = await server.gql(VIEWER, {}, `ApiKey ${created.key}`);
    expect(firstCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/expired/);
    const past = await server.gql(
      CREATE,
      { input: { organisationId: bomId, name: 'past', scope: 'READ', expiresAt: '2020-01-01T00:00:00Z' } },
      editor,
    );
    expect(firstCode(past)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a malformed key', 'ApiKey not-a-key'],
    ['an unknown key', 'ApiKey rgk_AAAAAAAAAA_' + 'A'.repeat(43)],
  ])('refuses %s with 401', async (_what, header) => {
    const res = await server.gql(VIEWER, {}, header);
    expect(res.status).toBe(401);
    expect(firstCode(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses a right key prefix with a wrong secret', async () => {
    const created = (
      await server.gql(CREATE, { input: { organisationId: bomId, name: 'guess me', scope: 'READ' } }, editor)
    ).data.createApiKey;
    const guessed = `${created.apiKey.prefix}_${'B'.repeat(43)}`;
    expect(firstCode(await server.gql(VIEWER, {}, `ApiKey ${guessed}`))).toBe('UNAUTHENTICATED');
  });

  it('lets a key neither create nor revoke keys, and hides keys of other organisations', async () => {
    const rw = (
      await server.gql(CREATE, { input: { organisationId: bomId, name: 'rw', scope: 'READ_WRITE' } }, editor)
    ).data.createApiKey;
    expect(
      firstCode(
        await server.gql(
          CREATE,
          { input: { organisationId: bomId, name: 'x', scope: 'READ' } },
          `ApiKey ${rw.key}`,
        ),
      ),
    ).toBe('FORBIDDEN');
    const other = await server.token('LIOF', Role.EDITOR);
    expect(
      (await server.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: rw.apiKey.id }, other)).data.node,
    ).toBeNull();
    expect(
      (await server.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: rw.apiKey.id }, editor)).data.node,
    ).toEqual({ id: rw.apiKey.id });
    expect(
      firstCode(
        await server.gql(
          `query ($o: ID!) { apiKeys(organisationId: $o) { totalCount } }`,
          { o: bomId },
          other,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
