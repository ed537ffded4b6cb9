import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse, print, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries, mutations, subscriptions } from '../../client-sdk/src/generated/operations.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { organisationIds } from '../harness/graph.js';

// The SDK's generated operations: one per root field, valid against the schema, and each query answering on the
// seeded reference network within the server's limits.
const dir = new URL('../../client-sdk/operations/', import.meta.url);
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));

let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

describe('the generated operations', () => {
  it('cover every root field of the schema, once each', () => {
    const fields = (type: { getFields(): object } | null | undefined) => Object.keys(type?.getFields() ?? {});
    // node(id:) returns an interface: the caller says which fields it wants (client.request).
    expect(Object.keys(queries).sort()).toEqual(
      fields(schema.getQueryType())
        .filter((f) => f !== 'node')
        .sort(),
    );
    expect(Object.keys(mutations).sort()).toEqual(fields(schema.getMutationType()).sort());
    expect(Object.keys(subscriptions).sort()).toEqual(fields(schema.getSubscriptionType()).sort());
    expect(files).toHaveLength(
      Object.keys(queries).length + Object.keys(mutations).length + Object.keys(subscriptions).length,
    );
  });

  it.each(files)('%s is valid against the schema', (file) => {
    expect(validate(schema, parse(readFileSync(new URL(file, dir), 'utf8')))).toEqual([]);
  });

  it('answers every query on the seeded network within the limits, as an ADMIN', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const esmee = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
    // The required arguments, from the reference network; everything else is left to its default.
    const required: Record<string, Record<string, unknown>> = {
      auditTrail: { initiativeId: esmee },
      initiative: { code: 'ESMEE' },
      organisation: { code: 'NOM' },
      apiKeys: { organisationId: ids.get('ROMNL') },
      neighbourhood: { organisationId: ids.get('NOM') },
      shortestPath: { fromId: ids.get('NOM'), toId: ids.get('LIOF') },
      evaluationIndicators: { years: [2024, 2027] },
    };
    for (const [field, op] of Object.entries(queries)) {
      const res = await server.gql(print(op.document), required[field] ?? {}, admin);
      expect(res.errors, field).toBeUndefined();
      expect(res.data[field], field).toBeDefined();
    }
  });
});
