import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { TestSocket } from '../harness/ws.js';

// One classification of errors for HTTP and WebSocket: the same mistake gets the same code and message on
// both, so a partner can tell a typo from an outage whichever transport it uses.
let server: TestServer;
let socket: TestSocket;
let viewerToken: string;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  viewerToken = await server.token('EZ', Role.VIEWER);
  socket = await TestSocket.connect(server.url, `Bearer ${viewerToken}`);
});
afterAll(async () => {
  socket?.close();
  await server?.close();
});

/** The first error over HTTP and over WebSocket, as code and message. */
async function bothWays(query: string, variables?: Record<string, unknown>) {
  const http = await server.gql(query, variables, viewerToken);
  const id = `op${counter++}`;
  socket.subscribe(id, query, variables);
  const message = await socket.next();
  const wsError = message.type === 'error' ? message.payload[0] : message.payload.errors?.[0];
  if (message.type === 'next') expect((await socket.next()).type).toBe('complete');
  const pick = (e: any) => ({ code: e?.extensions?.code, message: e?.message });
  return { http: pick(http.errors?.[0]), ws: pick(wsError) };
}

describe('the same mistake over HTTP and WebSocket', () => {
  const cases: [string, string, Record<string, unknown> | undefined, string][] = [
    ['a misspelt field', '{ organisations { nodes { nope } } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    ['a misspelt subscription', 'subscription { nope { id } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a misspelt field of an event',
      'subscription { events { nope } }',
      undefined,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a syntax error', '{ organisations { ', undefined, 'GRAPHQL_PARSE_FAILED'],
    [
      'a variable of the wrong type',
      'query ($n: Int) { organisations(first: $n) { totalCount } }',
      { n: 'many' },
      'BAD_USER_INPUT',
    ],
    ['a NUL in an argument', '{ organisation(code: "A\\u0000") { code } }', undefined, 'BAD_USER_INPUT'],
    [
      'a page size out of range',
      '{ organisations(first: 1000) { totalCount } }',
      undefined,
      'BAD_USER_INPUT',
    ],
    [
      'a write without the right',
      'mutation { createOrganisation(input: { code: "SAME_ERR", name: "x", kind: COMPANY }) { id } }',
      undefined,
      'FORBIDDEN',
    ],
    [
      'an operation over the cost limit',
      '{ initiatives(first: 100) { nodes { participants(first: 100) { nodes { organisation { code } initiative { code } } } } } }',
      undefined,
      'COST_LIMIT_EXCEEDED',
    ],
  ];

  for (const [what, query, variables, code] of cases) {
    it(`answers ${what} with ${code} and the same message on both`, async () => {
      const { http, ws } = await bothWays(query, variables);
      expect(http.code).toBe(code);
      expect(ws).toEqual(http);
    });
  }
});
