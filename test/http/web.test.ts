/**
 * The browser's routes from outside: the dashboard and its assets with their security headers, GraphiQL for a
 * browser at GET /graphql (and not in production), CORS_ORIGINS for preflights and answers, the WebSocket
 * Origin check, and the development sign-in.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startTestServer, type TestServer } from '../harness/app.js';

const ALLOWED = 'https://dashboard.example.nl';
const OTHER = 'https://evil.example.com';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
});
afterAll(() => server?.close());

/** A GET of exactly this path, unnormalised. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket to /graphql with these headers: the handshake's status (101 when it opened). */
function handshake(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

describe('the dashboard', () => {
  it('is served at / with a content security policy that allows no inline or foreign script', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const etag = asset.headers.get('etag')!;
    const again = await fetch(`${server.url}${script}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('reaches nothing outside its build', async () => {
    // Sent as written (fetch would normalise the dots away before they reach the server).
    for (const path of [
      '/assets/..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/..%5cpackage.json',
      '/assets/%00.js',
      '/assets/nope.js',
    ]) {
      const { status, body } = await rawGet(server.url, path);
      expect(status, path).toBe(404);
      expect(body).not.toMatch(/"dependencies"/);
    }
    const post = await fetch(`${server.url}/`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('GraphiQL', () => {
  it('answers a browser at GET /graphql, and a GraphQL client with a result', async () => {
    const page = await fetch(`${server.url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/GraphiQL/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const result = await fetch(`${server.url}/graphql?query=%7Bviewer%7Brole%7D%7D`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(result.status).toBe(200);
    expect(await result.json()).toEqual({ data: { viewer: { role: null } } });
  });

  it('is off in production unless GRAPHIQL=true, and the development sign-in cannot be turned on there', async () => {
    const production = await startTestServer({ NODE_ENV: 'production' });
    try {
      const res = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
      const devToken = await fetch(`${production.url}/auth/dev-token`);
      expect(devToken.status).toBe(404);
    } finally {
      await production.close();
    }
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...base, GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(() => loadConfig({ ...base, DEV_SIGN_IN: 'true' })).toThrow(/DEV_SIGN_IN/);
  });
});

describe('CORS_ORIGINS', () => {
  it('answers the preflight of an allowed origin, with the Authorization header allowed', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(post.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('gives another origin, and every origin when the list is empty, no CORS header at all', async () => {
    const closed = await startTestServer({}, server);
    try {
      for (const [url, origin] of [
        [server.url, OTHER],
        [closed.url, ALLOWED],
      ] as const) {
        const res = await fetch(`${url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        expect(res.status).toBe(204);
        expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
      }
    } finally {
      await closed.close();
    }
  });

  it('checks the Origin of a WebSocket handshake against the same list', async () => {
    const host = new URL(server.url).host;
    expect(await handshake(server.url, {})).toBe(101);
    expect(await handshake(server.url, { origin: ALLOWED })).toBe(101);
    expect(await handshake(server.url, { origin: `http://${host}` })).toBe(101);
    expect(await handshake(server.url, { origin: OTHER })).toBe(403);
    expect(await handshake(server.url, { origin: 'null' })).toBe(403);
  });

  it('refuses an entry that is not an origin, naming it', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example.nl, https://x.example.nl/path' })).toThrow(
      /CORS_ORIGINS: "https:\/\/x.example.nl\/path" is not an origin/,
    );
  });
});

describe('the development sign-in', () => {
  it('signs a token for an organisation and role that the API then accepts', async () => {
    const offer = await fetch(`${server.url}/auth/dev-token`);
    expect(await offer.json()).toEqual({ roles: ['ADMIN', 'EDITOR', 'VIEWER'] });
    const res = await fetch(`${server.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationCode: 'BOM', role: 'EDITOR' }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const me = await server.gql('{ viewer { role organisation { code } } }', {}, token);
    expect(me.data).toEqual({ viewer: { role: 'EDITOR', organisation: { code: 'BOM' } } });
  });

  it('refuses a form post, an unknown organisation and an unknown role with a clear code', async () => {
    type Refusal = { errors: { extensions: Record<string, unknown> }[] };
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/auth/dev-token`, { method: 'POST', headers: { 'content-type': type }, body });
    const form = await post('organisationCode=BOM&role=ADMIN', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    const unknown = await post(JSON.stringify({ organisationCode: 'NOPE', role: 'ADMIN' }));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Refusal).errors[0].extensions.code).toBe('NOT_FOUND');
    const role = await post(JSON.stringify({ organisationCode: 'BOM', role: 'ROOT' }));
    expect(role.status).toBe(400);
    expect(((await role.json()) as Refusal).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'role',
    });
    const broken = await post('{');
    expect(broken.status).toBe(400);
  });
});
