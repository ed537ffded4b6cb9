import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  ConflictError,
  CostLimitExceededError,
  createRomgraphClient,
  ForbiddenError,
  graphql,
  GraphQLValidationError,
  NetworkError,
  NotFoundError,
  RomgraphError,
  UnauthenticatedError,
} from '../../client-sdk/src/index.js';
import { Role } from '../../server/vocabulary.js';
import { caught, startTestServer, type TestServer } from '../harness/app.js';
import { organisationIds } from '../harness/graph.js';

// The SDK's client against a real server: typed methods, pagination, the escape hatch, auth, errors, retries.
let server: TestServer;
let ids: Map<string, string>;
let url: string;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
  url = `${server.url}/graphql`;
});
afterAll(() => server?.close());

describe('createRomgraphClient', () => {
  it('answers typed queries: a connection, a lookup, a summary', async () => {
    const client = createRomgraphClient({ url });
    const roms = await client.organisations({ first: 5, filter: { kinds: ['ROM'] } });
    expect(roms.totalCount).toBe(9);
    expect(roms.nodes).toHaveLength(5);
    expect(roms.pageInfo.hasNextPage).toBe(true);
    const esmee = await client.initiative({ code: 'ESMEE' });
    expect(esmee?.code).toBe('ESMEE');
    expect(esmee?.outputs.map((o) => o.kind)).toEqual(['DATASET']);
    expect((await client.networkSummary()).supraRegional).toBe(11);
    expect((await client.query.taxonomy()).themes.length).toBe(7);
  });

  it('pages through a whole connection', async () => {
    const client = createRomgraphClient({ url });
    const codes: string[] = [];
    for await (const o of client.paginate.organisations({ first: 10 })) codes.push(o.code);
    const [{ n }] = await server.app.db.read(`SELECT count(*)::int AS n FROM organisations`);
    expect(codes).toHaveLength(n);
    expect(new Set(codes).size).toBe(n);
    expect(n).toBeGreaterThan(20);
  });

  it('sends any document through request: typed documents and strings', async () => {
    const client = createRomgraphClient({ url });
    const matrix = await client.request(graphql.RomMatrixDocument);
    expect(matrix.collaborationMatrix.organisations).toHaveLength(9);
    const answer = await client.request<{ viewer: { role: string | null } }, Record<string, never>>(
      `{ viewer { role } }`,
    );
    expect(answer.viewer.role).toBeNull();
  });

  it('signs in with a token, a token function or an API key, and mutates', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const asAdmin = createRomgraphClient({ url, auth: { token: admin } });
    expect((await asAdmin.viewer()).role).toBe('ADMIN');
    const created = await asAdmin.createApiKey({
      input: { organisationId: ids.get('OOSTNL')!, name: 'sdk test', scope: 'READ_WRITE' },
    });
    const partner = createRomgraphClient({ url, auth: { apiKey: created.key } });
    expect((await partner.viewer()).organisation?.code).toBe('OOSTNL');
    let asked = 0;
    const refreshing = createRomgraphClient({
      url,
      auth: async () => {
        asked++;
        return server.token('OOSTNL', Role.EDITOR);
      },
    });
    const telescope = (await refreshing.initiative({ code: 'ET_VALORISATION' }))!;
    const joined = await refreshing.joinInitiative({
      input: { initiativeId: telescope.id, organisationId: ids.get('OOSTNL')!, role: 'PARTNER' },
    });
    expect(joined.organisation.code).toBe('OOSTNL');
    expect(asked).toBeGreaterThanOrEqual(2);
  });

  it('throws one class per error code, from real responses', async () => {
    const anonymous = createRomgraphClient({ url });
    const esmee = (await anonymous.initiative({ code: 'ESMEE' }))!;
    const viewer = createRomgraphClient({ url, auth: { token: await server.token('IQ', Role.VIEWER) } });
    const editor = createRomgraphClient({ url, auth: { token: await server.token('IQ', Role.EDITOR) } });

    const unauthenticated = await caught(
      anonymous.joinInitiative({ input: { initiativeId: esmee.id, organisationId: ids.get('IQ')! } }),
    );
    expect(unauthenticated).toBeInstanceOf(UnauthenticatedError);
    expect(await caught(createRomgraphClient({ url, auth: { token: 'nonsense' } }).viewer())).toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(
      await caught(
        viewer.joinInitiative({ input: { initiativeId: esmee.id, organisationId: ids.get('IQ')! } }),
      ),
    ).toBeInstanceOf(ForbiddenError);
    const conflict = await caught(
      editor.joinInitiative({ input: { initiativeId: esmee.id, organisationId: ids.get('IQ')! } }),
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(await caught(anonymous.auditTrail({ initiativeId: 'SW5pdGlhdGl2ZTo5OTk5OTk' }))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = await caught(anonymous.evaluationIndicators({ years: [1800] }));
    expect(bad).toBeInstanceOf(BadUserInputError);
    expect((bad as BadUserInputError).field).toBe('years');
    expect(await caught(anonymous.request(`{ nope }`))).toBeInstanceOf(GraphQLValidationError);
    expect(
      await caught(
        anonymous.request(
          `{ initiatives(first: 100) { nodes { participants(first: 100) { nodes { organisation { participations(first: 100) { nodes { id } } } } } } } }`,
        ),
      ),
    ).toBeInstanceOf(CostLimitExceededError);
    expect(unauthenticated).toBeInstanceOf(RomgraphError);
    expect(unauthenticated.requestId).toEqual(expect.any(String));
  });

  it('carries the current version on a stale update', async () => {
    const admin = createRomgraphClient({ url, auth: { token: await server.token('ROMNL', Role.ADMIN) } });
    const mjs = (await admin.initiative({ code: 'MJS_2024_2027' }))!;
    const added = await admin.addMilestone({ input: { initiativeId: mjs.id, title: 'SDK milestone' } });
    await admin.updateMilestone({
      input: { id: added.id, expectedVersion: added.version, status: 'IN_PROGRESS' },
    });
    const stale = await caught(
      admin.updateMilestone({ input: { id: added.id, expectedVersion: added.version, status: 'DONE' } }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).currentVersion).toBe(added.version + 1);
  });

  it('sends a query again after a network error, a mutation never', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls % 2 === 1) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const client = createRomgraphClient({ url, fetch: flaky, retries: 2 });
    expect((await client.networkSummary()).initiatives).toBeGreaterThan(0);
    expect(calls).toBe(2);
    calls = 0;
    const mutation = await caught(client.revokeApiKey({ id: 'QXBpS2V5OjE' }));
    expect(mutation).toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
    const down = createRomgraphClient({ url: 'http://127.0.0.1:9/graphql', retries: 1 });
    expect(await caught(down.viewer())).toBeInstanceOf(NetworkError);
  });
});
