import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { today } from '../../server/modules/graph/index.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hiddenInitiative, organisationIds } from '../harness/graph.js';

// networkSummary against counts made directly in SQL, and the access rules through every count and total.
let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

const SUMMARY = `query ($filter: SummaryFilter) { networkSummary(filter: $filter) {
  initiatives supraRegional supraRegionalShare byTheme { key count } byPillar { key count } byCoreTask { key count }
  byStatus { key count } milestones { total dueSoon overdue dueWithinDays byStatus { key count } }
  stalled stalledAfterMonths stalledInitiatives { code }
  funding { allocations totalEur byTheme { key allocations amountEur } byPillar { key allocations amountEur }
    byYear { key allocations amountEur } bySource { key allocations amountEur } byBasis { key allocations amountEur } }
  today } }`;

async function summary(auth?: string, filter?: Record<string, unknown>) {
  const res = await server.gql(SUMMARY, { filter }, auth);
  expect(res.errors).toBeUndefined();
  return res.data.networkSummary;
}

const sql = async (text: string, values: unknown[] = []) => server.app.db.read(text, values);
const asMap = (list: { key: string; count: number }[]) =>
  Object.fromEntries(list.map((k) => [k.key, k.count]));

describe('networkSummary', () => {
  it('counts what an anonymous caller may see as SQL counts it', async () => {
    const s = await summary();
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM initiatives WHERE visibility = 'PUBLIC'`);
    expect(s.initiatives).toBe(n);
    const [{ supra }] = await sql(`SELECT count(*)::int AS supra FROM (
      SELECT i.id FROM initiatives i JOIN participations p ON p.initiative_id = i.id AND p.left_on IS NULL
        JOIN organisations o ON o.id = p.organisation_id AND o.kind = 'ROM'
       WHERE i.visibility = 'PUBLIC' GROUP BY i.id HAVING count(*) >= 2) x`);
    expect(s.supraRegional).toBe(supra);
    expect(s.supraRegionalShare).toBeCloseTo(supra / n, 12);
    const themes = await sql(`SELECT t AS key, count(*)::int AS n FROM initiatives, unnest(themes) t
      WHERE visibility = 'PUBLIC' GROUP BY t`);
    for (const { key, n: count } of themes) expect(asMap(s.byTheme)[key], key).toBe(count);
    expect(s.byTheme.reduce((sum: number, k: any) => sum + k.count, 0)).toBe(
      themes.reduce((sum, t) => sum + t.n, 0),
    );
    const statuses = await sql(
      `SELECT status, count(*)::int AS n FROM initiatives WHERE visibility = 'PUBLIC' GROUP BY status`,
    );
    for (const { status, n: count } of statuses) expect(asMap(s.byStatus)[status]).toBe(count);
    const [{ milestones }] = await sql(`SELECT count(*)::int AS milestones FROM milestones m
      JOIN initiatives i ON i.id = m.initiative_id WHERE i.visibility = 'PUBLIC'`);
    expect(s.milestones.total).toBe(milestones);
    const [{ allocations }] = await sql(`SELECT count(*)::int AS allocations FROM funding_allocations f
      JOIN initiatives i ON i.id = f.initiative_id WHERE i.visibility = 'PUBLIC'`);
    expect(s.funding.allocations).toBe(allocations);
    expect(allocations).toBeGreaterThan(0);
  });

  it('shows no funding amount, in any total, to a caller without network rights', async () => {
    const s = await summary();
    expect(s.funding.totalEur).toBeNull();
    for (const facet of ['byTheme', 'byPillar', 'byYear', 'bySource', 'byBasis']) {
      for (const row of s.funding[facet]) expect(row.amountEur, `${facet} ${row.key}`).toBeNull();
    }
    const member = await summary(await server.token('BOM', Role.VIEWER));
    const [{ eur }] = await sql(`SELECT sum(amount_eur)::float AS eur FROM funding_allocations f
      JOIN initiatives i ON i.id = f.initiative_id WHERE i.visibility IN ('PUBLIC', 'NETWORK')`);
    expect(member.funding.totalEur).toBeCloseTo(eur, 2);
  });

  it('counts a hidden initiative, its milestone and its funding for its participants only', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const horizon = await server.token('HORIZON', Role.VIEWER);
    const before = { anonymous: await summary(), horizon: await summary(horizon), bom: await summary(bom) };
    const id = await hiddenInitiative(server, bom, 'SUMMARY_SECRET', ids.get('BOM')!, ids.get('LIOF')!);
    const update = await server.gql(
      `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { id } }`,
      { input: { id, themes: ['AGRI_FOOD'], status: 'ACTIVE' } },
      bom,
    );
    expect(update.errors).toBeUndefined();
    const milestone = await server.gql(
      `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`,
      { input: { initiativeId: id, title: 'Late', dueOn: '2020-01-01' } },
      bom,
    );
    expect(milestone.errors).toBeUndefined();
    const funded = await server.gql(
      `mutation ($input: AllocateFundingInput!) { allocateFunding(input: $input) { id } }`,
      { input: { initiativeId: id, sourceOrganisationId: ids.get('BOM'), amountEur: 123456, year: 2026 } },
      bom,
    );
    expect(funded.errors).toBeUndefined();

    expect(await summary()).toEqual(before.anonymous);
    expect(await summary(horizon)).toEqual(before.horizon);
    const after = await summary(bom);
    expect(after.initiatives).toBe(before.bom.initiatives + 1);
    expect(after.supraRegional).toBe(before.bom.supraRegional + 1);
    expect(asMap(after.byTheme).AGRI_FOOD).toBe(asMap(before.bom.byTheme).AGRI_FOOD + 1);
    expect(after.milestones.overdue).toBe(before.bom.milestones.overdue + 1);
    expect(after.funding.allocations).toBe(before.bom.funding.allocations + 1);
    expect(after.funding.totalEur).toBeCloseTo(before.bom.funding.totalEur + 123456, 2);
  });

  it('lists stalled initiatives: planned or active, no event and no new participant for N months', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const created = await server.gql(
      `mutation { createInitiative(input: { code: "QUIET", title: "Quiet", status: ACTIVE, visibility: PUBLIC,
        leadOrganisationId: "${ids.get('IQ')}" }) { id } }`,
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect((await summary()).stalledInitiatives.map((i: any) => i.code)).not.toContain('QUIET');
    // Age it, as if it had happened a year ago (a test may; the application never rewrites the log).
    await sql(`UPDATE events SET occurred_at = now() - interval '1 year'
      WHERE initiative_id = (SELECT id FROM initiatives WHERE code = 'QUIET')`);
    await sql(`UPDATE participations SET joined_on = current_date - 365
      WHERE initiative_id = (SELECT id FROM initiatives WHERE code = 'QUIET')`);
    const s = await summary();
    expect(s.stalledInitiatives.map((i: any) => i.code)).toContain('QUIET');
    expect(s.stalled).toBeGreaterThanOrEqual(1);
    expect(
      (await summary(undefined, { stalledAfterMonths: 13 })).stalledInitiatives.map((i: any) => i.code),
    ).not.toContain('QUIET');
  });

  it('narrows by theme, province and organisation', async () => {
    const agrifood = await summary(undefined, { themes: ['AGRI_FOOD'] });
    expect(agrifood.initiatives).toBe(asMap((await summary()).byTheme).AGRI_FOOD);
    const esmee = await summary(undefined, { organisationId: ids.get('RATHENAU') });
    const [{ n }] =
      await sql(`SELECT count(DISTINCT i.id)::int AS n FROM initiatives i JOIN participations p ON p.initiative_id = i.id
      JOIN organisations o ON o.id = p.organisation_id WHERE o.code = 'RATHENAU' AND p.left_on IS NULL AND i.visibility = 'PUBLIC'`);
    expect(esmee.initiatives).toBe(n);
    const limburg = await summary(undefined, { provinces: ['NL-LI'] });
    const [{ li }] = await sql(`SELECT count(DISTINCT i.id)::int AS li FROM initiatives i
      JOIN participations p ON p.initiative_id = i.id AND p.left_on IS NULL
      JOIN organisations o ON o.id = p.organisation_id AND 'NL-LI' = ANY(o.provinces) WHERE i.visibility = 'PUBLIC'`);
    expect(limburg.initiatives).toBe(li);
    expect(li).toBeGreaterThan(0);
  });

  it('answers the money questions: what each amount is, committed against spent, and leverage', async () => {
    const MONEY = `{ networkSummary { funding {
      byKind { key allocations amountEur } byStatus { key allocations amountEur }
      leverage { budgetEur leveredEur perEuro initiatives { code budgetEur leveredEur perEuro initiative { code } } } } } }`;
    // HORIZON takes part in no test's hidden initiative: it sees the reference network's funding only.
    const member = (await server.gql(MONEY, {}, await server.token('HORIZON', Role.VIEWER))).data
      .networkSummary.funding;
    // By hand from the reference data: EZ's EUR 2.2M a year and its additional funds of unknown amount are the
    // structural budget, the EUR 4M of end 2023 the one-off; NWO's EUR 4.2M (ESMEE) and the Growth Fund's
    // EUR 42M (Einstein Telescope) are follow-on money; the KIC partners' commitments (5.7bn, 4.9bn) and the ROMs'
    // EUR 80M a year are co-funding; the Expo reservation (20M) and the energy hubs allocation (2.5M) are other.
    const byKind = Object.fromEntries(member.byKind.map((k: any) => [k.key, [k.allocations, k.amountEur]]));
    expect(byKind).toEqual({
      STRUCTURAL: [2, 2_200_000],
      ONE_OFF: [1, 4_000_000],
      CO_FUNDING: [3, 5_700_000_000 + 4_900_000_000 + 80_000_000],
      FOLLOW_ON: [2, 46_200_000],
      OTHER: [2, 22_500_000],
    });
    expect(member.byStatus).toEqual([
      { key: 'COMMITTED', allocations: 10, amountEur: 10_754_900_000 },
      { key: 'SPENT', allocations: 0, amountEur: 0 },
    ]);
    expect(member.leverage.budgetEur).toBe(6_200_000);
    expect(member.leverage.leveredEur).toBe(10_726_200_000);
    expect(member.leverage.perEuro).toBeCloseTo(10_726_200_000 / 6_200_000, 9);
    const mjs = member.leverage.initiatives.find((i: any) => i.code === 'MJS_2024_2027');
    expect(mjs).toEqual({
      code: 'MJS_2024_2027',
      budgetEur: 6_200_000,
      leveredEur: 0,
      perEuro: 0,
      initiative: { code: 'MJS_2024_2027' },
    });
    const esmee = member.leverage.initiatives.find((i: any) => i.code === 'ESMEE');
    expect(esmee).toMatchObject({ budgetEur: 0, leveredEur: 4_200_000, perEuro: null });

    const anonymous = (await server.gql(MONEY)).data.networkSummary.funding;
    for (const row of [...anonymous.byKind, ...anonymous.byStatus]) expect(row.amountEur).toBeNull();
    expect(anonymous.leverage).toMatchObject({ budgetEur: null, leveredEur: null, perEuro: null });
    for (const row of anonymous.leverage.initiatives) {
      expect(row).toMatchObject({ budgetEur: null, leveredEur: null, perEuro: null });
    }
    // The order of the list does not follow the hidden ratios either.
    const codes = anonymous.leverage.initiatives.map((i: any) => i.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('refuses settings out of range with BAD_USER_INPUT', async () => {
    const res = await server.gql(SUMMARY, { filter: { dueWithinDays: 0 } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('filter.dueWithinDays must be a whole number from 1 to 366, got 0');
  });

  it('runs one statement for each part the query asks for, whatever the data, and one more for the stalled list', async () => {
    const count = async (query: string) => {
      const before = server.app.db.statementCount;
      const res = await server.gql(query);
      expect(res.errors).toBeUndefined();
      return server.app.db.statementCount - before;
    };
    expect(
      await count(`{ networkSummary { initiatives milestones { total } stalled funding { allocations } } }`),
    ).toBe(4);
    expect(await count(`{ networkSummary { funding { allocations } } }`)).toBe(1);
    expect(await count(`{ networkSummary { byTheme { key count } supraRegional today } }`)).toBe(1);
    expect(await count(`{ networkSummary { stalled stalledInitiatives { code } } }`)).toBeLessThanOrEqual(2);
  });
});

describe('networkSummary as of a day', () => {
  const yesterday = () => {
    const d = new Date(`${today()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };

  it('counts the reference network as it stood at the end of 2024, as SQL counts it', async () => {
    const s = await summary(undefined, { asOf: '2024-12-31' });
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM initiatives
      WHERE visibility = 'PUBLIC' AND (starts_on <= '2024-12-31' OR created_at < '2025-01-01 00:00+01')`);
    expect(s.initiatives).toBe(n);
    expect(s.today).toBe('2024-12-31');
    const [{ allocations }] = await sql(`SELECT count(*)::int AS allocations FROM funding_allocations f
      JOIN initiatives i ON i.id = f.initiative_id WHERE i.visibility = 'PUBLIC'
       AND (i.starts_on <= '2024-12-31' OR i.created_at < '2025-01-01 00:00+01')
       AND ((f.year IS NOT NULL AND f.year <= 2024) OR (f.year IS NULL AND f.created_at < '2025-01-01 00:00+01'))`);
    expect(s.funding.allocations).toBe(allocations);
    // The one-off EUR 4M of end 2023 is in; the KIC 2024 commitment is of 2024, so in too.
    expect(allocations).toBeGreaterThan(0);
  });

  it('gives statuses, participants and milestones as the log had them that day, never what came after', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const created = await server.gql(
      `mutation { createInitiative(input: { code: "ASOF_JOINT", title: "As of", status: ACTIVE, visibility: PUBLIC,
        startsOn: "2025-01-01", leadOrganisationId: "${ids.get('IMPULS')}" }) { id } }`,
      {},
      admin,
    );
    const id = created.data.createInitiative.id;
    const join = await server.gql(
      `mutation ($i: ID!, $o: ID!) { joinInitiative(input: { initiativeId: $i, organisationId: $o, joinedOn: "2025-01-01" }) { id } }`,
      { i: id, o: ids.get('LIOF') },
      admin,
    );
    expect(join.errors).toBeUndefined();
    const milestone = await server.gql(
      `mutation ($i: ID!) { addMilestone(input: { initiativeId: $i, title: "Due", dueOn: "2025-06-01", status: IN_PROGRESS }) { id version } }`,
      { i: id },
      admin,
    );
    const before = await summary(undefined, { asOf: yesterday() });
    const todayBefore = await summary(undefined, { asOf: today() });
    const changed = await server.gql(
      `mutation ($i: ID!, $m: ID!, $v: Int!) {
        updateInitiative(input: { id: $i, status: COMPLETED }) { status }
        updateMilestone(input: { id: $m, expectedVersion: $v, status: DONE }) { status } }`,
      { i: id, m: milestone.data.addMilestone.id, v: milestone.data.addMilestone.version },
      admin,
    );
    expect(changed.errors).toBeUndefined();
    const left = await server.gql(
      `mutation ($i: ID!, $o: ID!) { leaveInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
      { i: id, o: ids.get('LIOF') },
      admin,
    );
    expect(left.errors).toBeUndefined();

    const then = await summary(undefined, { asOf: yesterday() });
    expect(then).toEqual(before);
    const now = await summary(undefined, { asOf: today() });
    expect(asMap(now.byStatus).COMPLETED).toBe(asMap(todayBefore.byStatus).COMPLETED + 1);
    expect(asMap(now.byStatus).ACTIVE).toBe(asMap(todayBefore.byStatus).ACTIVE - 1);
    expect(asMap(now.milestones.byStatus).DONE).toBe(asMap(todayBefore.milestones.byStatus).DONE + 1);
    expect(now.milestones.overdue).toBe(todayBefore.milestones.overdue - 1);
    expect(now.supraRegional).toBe(todayBefore.supraRegional - 1);
    // Yesterday it was active with two ROMs and an open milestone: counted so.
    expect(then.initiatives).toBeGreaterThan(0);
    // Before it started it was not in the network: it was recorded today and starts in 2025.
    const early = await summary(undefined, { asOf: '2024-06-30' });
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM initiatives
      WHERE visibility = 'PUBLIC' AND (starts_on <= '2024-06-30' OR created_at < '2024-07-01 00:00+02')`);
    expect(early.initiatives).toBe(n);
  });

  it('refuses a day that is not one with BAD_USER_INPUT', async () => {
    const res = await server.gql(SUMMARY, { filter: { asOf: '2025-02-30' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same statements as of a day', async () => {
    const before = server.app.db.statementCount;
    const res = await server.gql(
      `{ networkSummary(filter: { asOf: "2025-06-30" }) { initiatives milestones { total } stalled funding { allocations } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(server.app.db.statementCount - before).toBe(4);
  });
});
