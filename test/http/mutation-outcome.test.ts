import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceUnavailableError } from '../../server/infra/errors.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';

// A mutation whose transaction committed but whose answer could not be read (the database went away while
// nested fields resolved) must not look like a refused write a client should send again.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => server?.close());

describe('a database outage after a mutation committed', () => {
  it('answers 200 with outcome COMMITTED, not 503, and the write took effect', async () => {
    const token = await server.token('BOM', Role.EDITOR);
    const { data } = await server.gql(`{ organisation(code: "BOM") { id } }`);
    const db = server.app.db;
    const read = db.read.bind(db);
    // Reads outside the mutation's transaction (its nested fields) fail as during an outage.
    vi.spyOn(db, 'read').mockImplementation((text, ...rest) =>
      /FROM participations/.test(text) ? Promise.reject(new ServiceUnavailableError()) : read(text, ...rest),
    );
    const res = await server.gql(
      `mutation ($lead: ID!) { createInitiative(input: { code: "AFTER_COMMIT", title: "x", leadOrganisationId: $lead }) {
        code participants(first: 5) { totalCount } } }`,
      { lead: data.organisation.id },
      token,
    );
    vi.restoreAllMocks();
    expect(res.status).toBe(200);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', outcome: 'COMMITTED' });
    expect(res.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
    const rows = await db.read(`SELECT code FROM initiatives WHERE code = 'AFTER_COMMIT'`);
    expect(rows).toHaveLength(1);
  });

  it('still answers 503 with Retry-After when the mutation itself could not run', async () => {
    const db = server.app.db;
    vi.spyOn(db, 'transaction').mockRejectedValue(new ServiceUnavailableError());
    const res = await server.gql(
      `mutation { createOrganisation(input: { code: "NOT_WRITTEN", name: "x", kind: COMPANY }) { id } }`,
      undefined,
      await server.token('ROMNL', Role.ADMIN),
    );
    vi.restoreAllMocks();
    expect(res.status).toBe(503);
    expect(res.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors![0]!.extensions!.outcome).toBeUndefined();
  });
});
