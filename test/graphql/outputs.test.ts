import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hiddenInitiative, organisationIds } from '../harness/graph.js';

// Outputs: recordOutput with its event, the lists, and the initiative's visibility over all of them.
let server: TestServer;
let ids: Map<string, string>;
let initiativeIds: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
  const res = await server.gql(`{ initiatives(first: 100) { nodes { id code } } }`);
  initiativeIds = new Map(res.data.initiatives.nodes.map((i: any) => [i.code, i.id]));
});
afterAll(() => server?.close());

const RECORD = `mutation ($input: RecordOutputInput!) { recordOutput(input: $input) {
  id kind title url publishedOn source confidence initiative { code } } }`;
const codeOf = (res: any) => res.errors?.[0]?.extensions?.code;

describe('outputs', () => {
  it('lists the seeded outputs with source and confidence, on the initiative and in the evidence list', async () => {
    const res =
      await server.gql(`{ initiative(code: "RV_NTS") { outputs { kind title publishedOn source confidence } }
      outputs(first: 100, filter: { kinds: [CASE] }) { totalCount nodes { code initiative { code } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.initiative.outputs).toEqual([
      {
        kind: 'CASE',
        title: expect.stringContaining('RV-NTS'),
        publishedOn: '2026-01-30',
        source:
          'https://groenechemie.nl/en/news/strategy-towards-checkout-roms-join-forces-for-future-revenue-potential',
        confidence: 'CONFIRMED',
      },
    ]);
    expect(res.data.outputs.totalCount).toBe(2);
    expect(res.data.outputs.nodes.map((o: any) => o.initiative.code).sort()).toEqual([
      'EXPO2025_OSAKA',
      'RV_NTS',
    ]);
  });

  it('records an output for a partner of the initiative and emits OUTPUT_RECORDED in the same transaction', async () => {
    const editor = await server.token('OOSTNL', Role.EDITOR);
    const res = await server.gql(
      RECORD,
      {
        input: {
          initiativeId: initiativeIds.get('EXPO2025_FUTURE_FOOD'),
          kind: 'REPORT',
          title: '  Future of Food: what came of it ',
          url: 'https://oostnl.nl/future-of-food',
          publishedOn: '2025-09-01',
          source: 'https://oostnl.nl/future-of-food',
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordOutput).toMatchObject({
      kind: 'REPORT',
      title: 'Future of Food: what came of it',
      publishedOn: '2025-09-01',
      confidence: 'CONFIRMED',
      initiative: { code: 'EXPO2025_FUTURE_FOOD' },
    });
    const trail = await server.gql(
      `query ($id: ID!) { auditTrail(initiativeId: $id, first: 100) { nodes { type source confidence output { id } payload } } }`,
      { id: initiativeIds.get('EXPO2025_FUTURE_FOOD') },
    );
    const recorded = trail.data.auditTrail.nodes.filter((e: any) => e.type === 'OUTPUT_RECORDED');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      source: 'https://oostnl.nl/future-of-food',
      confidence: 'CONFIRMED',
      output: { id: res.data.recordOutput.id },
      payload: { kind: 'REPORT', publishedOn: '2025-09-01' },
    });
    const node = await server.gql(`query ($id: ID!) { node(id: $id) { ... on Output { title } } }`, {
      id: res.data.recordOutput.id,
    });
    expect(node.data.node.title).toBe('Future of Food: what came of it');
  });

  it('refuses the wrong people and bad input with a code, writing nothing', async () => {
    const before = await server.app.db.read(
      `SELECT (SELECT count(*) FROM outputs) o, (SELECT count(*) FROM events) e`,
    );
    const input = { initiativeId: initiativeIds.get('RV_NTS'), kind: 'REPORT', title: 'Report' };
    expect(codeOf(await server.gql(RECORD, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(RECORD, { input }, await server.token('IQ', Role.VIEWER)))).toBe(
      'FORBIDDEN',
    );
    // EZ receives the plan (BENEFICIARY): it did not make it.
    expect(codeOf(await server.gql(RECORD, { input }, await server.token('EZ', Role.EDITOR)))).toBe(
      'FORBIDDEN',
    );
    const admin = await server.token('ROMNL', Role.ADMIN);
    for (const bad of [
      { title: '' },
      { title: 'x'.repeat(301) },
      { url: 'javascript:alert(1)' },
      { url: `https://example.org/${'a'.repeat(500)}` },
      { publishedOn: '2025-02-30' },
    ]) {
      const res = await server.gql(RECORD, { input: { ...input, ...bad } }, admin);
      expect(codeOf(res), JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await server.gql(RECORD, { input: { ...input, kind: 'NOVEL' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    const after = await server.app.db.read(
      `SELECT (SELECT count(*) FROM outputs) o, (SELECT count(*) FROM events) e`,
    );
    expect(after).toEqual(before);
    // HORIZON wrote the plan (KNOWLEDGE_PARTNER): its editors may record what came of it.
    const horizon = await server.gql(RECORD, { input }, await server.token('HORIZON', Role.EDITOR));
    expect(horizon.errors).toBeUndefined();
  });

  it('shows the outputs of a hidden initiative only to its participants, in every list', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const id = await hiddenInitiative(server, bom, 'OUTPUT_SECRET', ids.get('BOM')!, ids.get('LIOF')!);
    const recorded = await server.gql(
      RECORD,
      { input: { initiativeId: id, kind: 'DECISION', title: 'Secret decision', source: 'minutes' } },
      bom,
    );
    expect(recorded.errors).toBeUndefined();
    const LIST = `{ outputs(first: 100, filter: { kinds: [DECISION] }) { totalCount nodes { title } } }`;
    const titles = async (token?: string) => {
      const res = await server.gql(LIST, {}, token);
      return { total: res.data.outputs.totalCount, titles: res.data.outputs.nodes.map((o: any) => o.title) };
    };
    const liof = await titles(await server.token('LIOF', Role.VIEWER));
    expect(liof.titles).toContain('Secret decision');
    for (const outsider of [undefined, await server.token('HORIZON', Role.VIEWER)]) {
      const seen = await titles(outsider);
      expect(seen.titles).not.toContain('Secret decision');
      expect(seen.total).toBe(liof.total - 1);
    }
    const node = await server.gql(`query ($id: ID!) { node(id: $id) { id } }`, {
      id: recorded.data.recordOutput.id,
    });
    expect(node.data.node).toBeNull();
  });

  it('reads the outputs of a page of initiatives in one statement', async () => {
    const before = server.app.db.statementCount;
    const res = await server.gql(`{ initiatives(first: 50) { nodes { code outputs { title } } } }`);
    expect(res.errors).toBeUndefined();
    expect(server.app.db.statementCount - before).toBeLessThanOrEqual(2);
  });
});
