import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hiddenInitiative, organisationIds } from '../harness/graph.js';

// Markets and missions: the markets initiatives serve, the filter on them, and who leads which market.
let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

const MARKETS = `query ($markets: [String!]) { markets(markets: $markets) {
  code nameEn nameNl initiativeCount initiatives { code } leads { code } participants { code } notYetIn { code } } }`;
const codes = (list: { code: string }[]) => list.map((x) => x.code);

describe('markets', () => {
  it('answers who leads and who takes part in Japan, as the reference participations say', async () => {
    const res = await server.gql(MARKETS, {});
    expect(res.errors).toBeUndefined();
    expect(codes(res.data.markets)).toEqual(['JP']);
    const [jp] = res.data.markets;
    expect(jp).toMatchObject({ code: 'JP', nameEn: 'Japan', nameNl: 'Japan', initiativeCount: 4 });
    expect(codes(jp.initiatives)).toEqual([
      'EXPO2025_ECON_MISSION_JAPAN',
      'EXPO2025_FUTURE_FOOD',
      'EXPO2025_OSAKA',
      'TINL_MISSION_JAPAN_2023',
    ]);
    // Golden, in SQL: the ROMs in active participations of the Japan initiatives, LEAD or lead_id leading.
    const rows = await server.app.db
      .read(`SELECT o.code, bool_or(p.role = 'LEAD' OR i.lead_id = o.id) AS leads
      FROM initiatives i JOIN participations p ON p.initiative_id = i.id AND p.left_on IS NULL
      JOIN organisations o ON o.id = p.organisation_id AND o.kind = 'ROM'
      WHERE 'JP' = ANY(i.markets) GROUP BY o.code ORDER BY o.code`);
    expect(codes(jp.leads)).toEqual(rows.filter((r) => r.leads).map((r) => r.code));
    expect(codes(jp.participants)).toEqual(rows.filter((r) => !r.leads).map((r) => r.code));
    const roms = await server.app.db.read(`SELECT code FROM organisations WHERE kind = 'ROM' ORDER BY code`);
    const inJapan = new Set(rows.map((r) => r.code));
    expect(codes(jp.notYetIn)).toEqual(roms.map((r) => r.code).filter((c) => !inJapan.has(c)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('filters initiatives and summaries by market, and refuses codes that are not ISO 3166-1 alpha-2', async () => {
    const res =
      await server.gql(`{ initiatives(first: 50, filter: { markets: ["JP"] }) { totalCount nodes { markets } }
      networkSummary(filter: { markets: ["JP"] }) { initiatives } }`);
    expect(res.data.initiatives.totalCount).toBe(4);
    expect(res.data.initiatives.nodes.every((i: any) => i.markets.includes('JP'))).toBe(true);
    expect(res.data.networkSummary.initiatives).toBe(4);
    for (const bad of ['jp', 'XX', 'JPN', 'EU']) {
      const r = await server.gql(
        `query ($m: [String!]) { initiatives(first: 1, filter: { markets: $m }) { totalCount } }`,
        {
          m: [bad],
        },
      );
      expect(r.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toContain('ISO 3166-1 alpha-2');
    }
  });

  it('writes markets on create and update, with the change in the event', async () => {
    const iq = await server.token('IQ', Role.EDITOR);
    const created = await server.gql(
      `mutation { createInitiative(input: { code: "DE_MISSION", title: "Mission to Germany", visibility: PUBLIC,
        markets: ["DE"], leadOrganisationId: "${ids.get('IQ')}" }) { id markets } }`,
      {},
      iq,
    );
    expect(created.data.createInitiative.markets).toEqual(['DE']);
    const updated = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id, markets: ["DE", "BE"] }) { markets } }`,
      { id: created.data.createInitiative.id },
      iq,
    );
    expect(updated.data.updateInitiative.markets).toEqual(['DE', 'BE']);
    const [event] = await server.app.db.read(`SELECT payload FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.payload.changes.markets).toEqual([['DE'], ['DE', 'BE']]);
    const bad = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id, markets: ["ZZ"] }) { markets } }`,
      { id: created.data.createInitiative.id },
      iq,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const markets = await server.gql(MARKETS, { markets: ['DE'] });
    expect(markets.data.markets).toHaveLength(1);
    expect(codes(markets.data.markets[0].leads)).toEqual(['IQ']);
  });

  it('never shows a market served only by a hidden initiative to those who may not see it', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const id = await hiddenInitiative(server, bom, 'MARKET_SECRET', ids.get('BOM')!, ids.get('LIOF')!);
    const set = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id, markets: ["KR"] }) { markets } }`,
      { id },
      bom,
    );
    expect(set.errors).toBeUndefined();
    const seen = async (token?: string) => codes((await server.gql(MARKETS, {}, token)).data.markets);
    expect(await seen(await server.token('LIOF', Role.VIEWER))).toContain('KR');
    expect(await seen()).not.toContain('KR');
    expect(await seen(await server.token('HORIZON', Role.VIEWER))).not.toContain('KR');
  });

  it('answers in a fixed number of statements', async () => {
    const before = server.app.db.statementCount;
    const res = await server.gql(MARKETS, {});
    expect(res.errors).toBeUndefined();
    expect(server.app.db.statementCount - before).toBeLessThanOrEqual(3);
  });
});
