import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';

// Failures before a resolver runs (authentication, the request context) are answered like any other: a code, a
// request id in the body and the x-request-id header, and a log line under that id.
let server: TestServer;
const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const VIEWER = `{ viewer { role organisation { code } } }`;

function hs256(claims: Record<string, unknown>, subject = 'someone') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer('romgraph')
    .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
    .sign(new TextEncoder().encode(SECRET));
}

async function post(authorization?: string, requestId?: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization } : {}),
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify({ query: VIEWER }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
  return { status: res.status, requestId: res.headers.get('x-request-id'), body };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('request ids', () => {
  it('answers every request with an x-request-id: the client one when plausible, else a new one', async () => {
    const ok = await post(undefined, 'client-chosen.id_1');
    expect(ok.status).toBe(200);
    expect(ok.requestId).toBe('client-chosen.id_1');
    const replaced = await post(undefined, 'not plausible; has spaces');
    expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await post('Basic abc', 'refused-1');
    expect(refused.status).toBe(401);
    expect(refused.requestId).toBe('refused-1');
  });
});

describe('token claims', () => {
  it.each([
    ['a NUL byte', 'BOM\u0000'],
    ['a control character', 'B\u0007OM'],
    ['more than 64 characters', 'B'.repeat(65)],
  ])('refuses an org claim with %s with 401 before any SQL, logging nothing', async (_what, org) => {
    const logged = server.logs.length;
    const reads = vi.spyOn(server.app.db, 'read');
    const res = await post(`Bearer ${await hs256({ org, role: 'ADMIN' })}`);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0]!.message).toMatch(/org claim is not an organisation code/);
    expect(res.body.data).toBeUndefined();
    expect(reads.mock.calls.filter((call) => call[2] === 'auth_organisation_by_code')).toEqual([]);
    expect(server.logs.slice(logged)).toEqual([]);
  });

  it('refuses a sub claim with a NUL byte with 401', async () => {
    const res = await post(`Bearer ${await hs256({ org: 'BOM', role: 'EDITOR' }, 'some\u0000one')}`);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.message).toMatch(/sub claim/);
  });
});

describe('an unexpected failure while authenticating', () => {
  it('is masked as INTERNAL_SERVER_ERROR with the request id, and logged in full under it', async () => {
    vi.spyOn(server.app.services.apiKeys, 'authenticate').mockRejectedValueOnce(
      new Error('the key store exploded'),
    );
    const res = await post('ApiKey rgk_abcdefghij_whatever', 'forced-auth-failure');
    expect(res.status).toBe(500);
    expect(res.requestId).toBe('forced-auth-failure');
    expect(res.body.errors).toEqual([
      {
        message: 'Unexpected error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'forced-auth-failure' },
      },
    ]);
    const line = server.logs.find((l) => l.includes('forced-auth-failure'));
    expect(line).toMatch(/^\[auth\] request forced-auth-failure: .*: the key store exploded$/);
  });

  it('answers a generated id in both the header and the body when the client sent none', async () => {
    vi.spyOn(server.app.services.apiKeys, 'authenticate').mockRejectedValueOnce(new TypeError('boom'));
    const res = await post('ApiKey rgk_abcdefghij_whatever');
    expect(res.status).toBe(500);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.errors![0]!.extensions.requestId).toBe(res.requestId);
    expect(server.logs.some((l) => l.startsWith(`[auth] request ${res.requestId}:`))).toBe(true);
  });

  it('still passes credentials it refuses through as 401 UNAUTHENTICATED', async () => {
    const res = await post('ApiKey rgk_abcdefghij_whatever');
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
