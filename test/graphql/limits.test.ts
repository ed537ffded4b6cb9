import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';

// Limits on what one operation may ask for: validation that stays linear in the document (a fragment bomb
// is refused in a millisecond and never holds the event loop), and a cost estimate priced by `first` that
// refuses before anything runs.
let server: TestServer;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.close();
});

/** 28 fragments, each spreading the next twice: 2^28 `viewer` selections once expanded. */
function fragmentBomb(levels = 28): string {
  let text = '{ ...B0 }\n';
  for (let i = 0; i < levels; i++) {
    const next = i < levels - 1 ? `...B${i + 1} ...B${i + 1} ` : '';
    text += `fragment B${i} on Query { ${next}viewer { role } }\n`;
  }
  return text;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const began = performance.now();
  const value = await work();
  return { value, ms: performance.now() - began };
}

describe('validation', () => {
  it('refuses a fragment bomb at once, and /healthz answers meanwhile', async () => {
    const bomb = fragmentBomb();
    expect(bomb.length).toBeLessThan(1600);
    const [refused, health] = await Promise.all([
      timed(() => server.gql(bomb)),
      timed(() => fetch(`${server.url}/healthz`).then((r) => r.status)),
    ]);
    expect(refused.value.status).toBe(400);
    expect(refused.value.errors![0]!.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'selections',
      max: 2000,
    });
    expect(refused.value.errors![0]!.message).toMatch(/fragments are expanded/);
    // Far below a second, round trip included (28.5 s before the walk stopped at the limit).
    expect(refused.ms).toBeLessThan(500);
    expect(health.value).toBe(200);
    expect(health.ms).toBeLessThan(500);
  });

  it('refuses the same bomb over WebSocket', async () => {
    const socket = await TestSocket.connect(server.url);
    sockets.push(socket);
    const { value: refused, ms } = await timed(async () => {
      socket.subscribe('bomb', fragmentBomb());
      return socket.next();
    });
    expect(refused).toMatchObject({ id: 'bomb', type: 'error' });
    expect(refused.payload[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(ms).toBeLessThan(500);
  });

  it('measures depth through fragments, and refuses past the limit', async () => {
    // 15 levels once the fragments are expanded; no fragment is deeper than 7 by itself.
    const deep = await server.gql(`{ ...L1 }
      fragment L1 on Query { organisations { nodes { ...L2 } } }
      fragment L2 on Organisation { participations { nodes { initiative { participants { nodes { organisation { ...L3 } } } } } } }
      fragment L3 on Organisation { participations { nodes { initiative { participants { nodes { organisation { code } } } } } } }`);
    expect(deep.errors![0]!.extensions).toMatchObject({ limit: 'depth', max: 12 });
    const ok = await server.gql(`{ viewer { role organisation { code } } }`);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses the same field repeated hundreds of times in one selection set', async () => {
    const repeated = await timed(() => server.gql(`{ ${' viewer { role }'.repeat(2400)} }`));
    expect(repeated.value.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(repeated.ms).toBeLessThan(500);
    const fragments = Array.from(
      { length: 300 },
      (_, i) => `fragment G${i} on Query { viewer { role organisation { code } } }`,
    ).join('\n');
    const spread = Array.from({ length: 300 }, (_, i) => `...G${i}`).join(' ');
    const many = await timed(() => server.gql(`{ ${spread} }\n${fragments}`));
    expect(many.value.errors![0]!.extensions).toMatchObject({ limit: 'comparisons' });
    expect(many.ms).toBeLessThan(500);
  });

  it('keeps accepting what dashboards send: fragments that overlap a little', async () => {
    const res = await server.gql(`
      query Dashboard { initiatives(first: 50) { nodes { ...Card ...Card participants(first: 20) { nodes { organisation { ...Who } } } } } }
      fragment Card on Initiative { code title status lead { ...Who } }
      fragment Who on Organisation { code name kind }
      fragment Who2 on Organisation { code }`);
    // Who2 is unused: the standard rules still run after ours and report it.
    expect(res.errors![0]!.message).toMatch(/Who2/);
    const clean = await server.gql(`
      { initiatives(first: 50) { nodes { ...Card ...Card participants(first: 20) { nodes { organisation { ...Who } } } } } }
      fragment Card on Initiative { code title status lead { ...Who } }
      fragment Who on Organisation { code name kind }`);
    expect(clean.errors).toBeUndefined();
    expect(clean.data.initiatives.nodes.length).toBeGreaterThan(10);
  });
});

describe('cost', () => {
  const HOPS = `{ initiatives(first: 100) { nodes { participants(first: 100) { nodes { organisation {
    participations(first: 100) { nodes { initiative { participants(first: 100) { nodes { organisation { code } } } } } }
  } } } } } }`;

  it('refuses an operation that could return more objects than the limit, saying its cost and the limit', async () => {
    const before = server.app.db.statementCount;
    const res = await server.gql(HOPS);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    const error = res.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 25_000 });
    // 100 + 2 x 100^2 + 2 x 100^3 + 2 x 100^4 objects.
    expect(error.extensions!.cost).toBe(100 + 2 * 100 ** 2 + 2 * 100 ** 3 + 2 * 100 ** 4);
    expect(error.message).toMatch(/could return 202020100 objects; at most 25000/);
    // Refused before execution: not one statement ran (the feed polls, so allow for its reads).
    expect(server.app.db.statementCount - before).toBeLessThanOrEqual(1);
  });

  it('prices pages given as variables, and lets the dashboard page through', async () => {
    const query = `query ($n: Int) { initiatives(first: $n) { nodes { code
      participants(first: $n) { nodes { role organisation { code } initiative { code } } } } } }`;
    // 50 + 3 x 50^2 = 7,550 objects
    const small = await server.gql(query, { n: 50 });
    expect(small.errors).toBeUndefined();
    // 100 + 3 x 100^2 = 30,100 objects
    const large = await server.gql(query, { n: 100 });
    expect(large.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: 30_100 });
  });

  it('refuses a costly operation over WebSocket too', async () => {
    const socket = await TestSocket.connect(server.url);
    sockets.push(socket);
    socket.subscribe('hops', HOPS);
    const refused = await socket.next();
    expect(refused).toMatchObject({ id: 'hops', type: 'error' });
    expect(refused.payload[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 25_000 });
  });
});

describe('sizes', () => {
  const long = (n: number) => 'x'.repeat(n);

  it('refuses a body over 100 kB with 413, and takes one just under', async () => {
    const post = (pad: number) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', variables: {}, extensions: { pad: long(pad) } }),
      });
    expect((await post(101_000)).status).toBe(413);
    expect((await post(90_000)).status).toBe(200);
  });

  it('refuses a 50,000-character code as BAD_USER_INPUT, in the document or a variable, before any lookup', async () => {
    const literal = await server.gql(`{ organisation(code: "${long(50_000)}") { id } }`);
    expect(literal.status).toBe(400);
    expect(literal.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      length: 50_000,
      limit: 10_000,
    });
    const variable = await server.gql('query ($c: String) { organisation(code: $c) { id } }', {
      c: long(50_000),
    });
    expect(variable.status).toBe(400);
    expect(variable.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$c' });
    // Longer than any code, but within the string limit: still not a lookup.
    const tooLong = await server.gql('query ($c: String) { initiative(code: $c) { id } }', { c: long(65) });
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const fine = await server.gql('query ($c: String) { initiative(code: $c) { id } }', { c: long(64) });
    expect(fine.errors).toBeUndefined();
    expect(fine.data.initiative).toBeNull();
  });

  it('finds a long string deep in an input object and names where', async () => {
    const res = await server.gql(
      'query ($f: OrganisationFilter) { organisations(filter: $f) { totalCount } }',
      { f: { search: long(10_001) } },
    );
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: '$f.search',
      length: 10_001,
    });
  });

  it('refuses the same over WebSocket, and closes a socket sent a frame over 1 MiB', async () => {
    const socket = await TestSocket.connect(server.url);
    sockets.push(socket);
    socket.send({
      id: 'long',
      type: 'subscribe',
      payload: {
        query: 'subscription ($a: String) { events(after: $a) { cursor } }',
        variables: { a: long(20_000) },
      },
    });
    const refused = await socket.next();
    expect(refused).toMatchObject({ id: 'long', type: 'error' });
    expect(refused.payload[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$a' });
    // Still open: a refused operation is not a broken connection.
    socket.send({ id: 'ok', type: 'subscribe', payload: { query: 'subscription { events { cursor } }' } });
    await socket.silence(100);
    socket.send(JSON.stringify({ id: 'huge', type: 'subscribe', payload: { query: long(1_100_000) } }));
    expect((await socket.closed).code).toBe(1009);
  });
});
