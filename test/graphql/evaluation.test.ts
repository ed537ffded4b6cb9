import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { hiddenInitiative, organisationIds } from '../harness/graph.js';

// evaluationIndicators against the same indicators computed here from the raw rows, and its access rules.
let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

const FIELDS = `jointInitiatives initiativesWithRoms meanRomsPerInitiative medianRomsPerInitiative
  learningActivities learningParticipants competenceActivities competenceParticipants outputs`;
const QUERY = `query ($years: [Int!]!) { evaluationIndicators(years: $years) { year ${FIELDS}
  byPillar { pillar ${FIELDS} } } }`;

async function indicators(years: number[], token?: string) {
  const res = await server.gql(QUERY, { years }, token);
  expect(res.errors).toBeUndefined();
  return res.data.evaluationIndicators;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The ROM counts per running initiative in a year, from the raw rows of public initiatives. */
async function romsPerInitiative(year: number, pillar?: string) {
  const rows = await server.app.db
    .read(`SELECT i.id, i.pillars, i.starts_on, i.ends_on, p.joined_on, p.left_on, o.id AS rom
    FROM initiatives i JOIN participations p ON p.initiative_id = i.id JOIN organisations o ON o.id = p.organisation_id
    WHERE o.kind = 'ROM' AND i.visibility = 'PUBLIC'`);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const per = new Map<number, Set<number>>();
  for (const r of rows) {
    if (pillar && !r.pillars.includes(pillar)) continue;
    if ((r.starts_on && r.starts_on > to) || (r.ends_on && r.ends_on < from)) continue;
    if ((r.joined_on && r.joined_on > to) || (r.left_on && r.left_on < from)) continue;
    per.set(r.id, (per.get(r.id) ?? new Set()).add(r.rom));
  }
  return [...per.values()].map((s) => s.size);
}

describe('evaluationIndicators', () => {
  it('sets 2024 beside 2027: joint initiatives and ROMs per initiative as the raw rows give them', async () => {
    const result = await indicators([2024, 2027]);
    expect(result.map((y: any) => y.year)).toEqual([2024, 2027]);
    for (const y of result) {
      const roms = await romsPerInitiative(y.year);
      expect(y.jointInitiatives, `${y.year}`).toBe(roms.filter((n) => n >= 2).length);
      expect(y.initiativesWithRoms).toBe(roms.length);
      expect(y.meanRomsPerInitiative).toBeCloseTo(roms.reduce((a, b) => a + b, 0) / roms.length, 9);
      expect(y.medianRomsPerInitiative).toBe(median(roms));
      for (const p of y.byPillar) {
        const inPillar = await romsPerInitiative(y.year, p.pillar);
        expect(p.jointInitiatives, `${y.year} ${p.pillar}`).toBe(inPillar.filter((n) => n >= 2).length);
        expect(p.medianRomsPerInitiative).toBe(median(inPillar));
      }
      expect(y.byPillar.map((p: any) => p.pillar)).toEqual([
        'NATIONAL_REGIONAL_CONNECTION',
        'STRENGTHEN_BASE',
        'THEMATIC_TRANSITIONS',
      ]);
    }
    // By hand from the reference data: the strategy 2024-2027 has all nine ROMs in every year of it.
    expect(result[0].jointInitiatives).toBeGreaterThanOrEqual(1);
    expect(result[0].medianRomsPerInitiative).toBeGreaterThanOrEqual(1);
  });

  it('counts outputs by the year they appeared: the RV-NTS case of 2026, the evaluation report of 2022', async () => {
    const [y2022, y2026] = await indicators([2022, 2026]);
    expect(y2022.outputs).toBe(1);
    expect(y2026.outputs).toBe(1);
    const [{ n }] = await server.app.db.read(
      `SELECT count(*)::int AS n FROM outputs WHERE extract(year FROM published_on) = 2025`,
    );
    expect((await indicators([2025]))[0].outputs).toBe(n);
  });

  it('counts learning and competence-development activities with their participants, by pillar', async () => {
    const editor = await server.token('OOSTNL', Role.EDITOR);
    const esmee = (await server.gql(`{ initiative(code: "ESMEE") { id pillars } }`)).data.initiative;
    const record = (
      kind: string,
      occurredOn: string,
      participantCount: number | null,
      initiativeId?: string,
    ) =>
      server.gql(
        `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
        {
          input: {
            title: `${kind} ${occurredOn}`,
            kind,
            occurredOn,
            participantCount,
            initiativeId,
            organiserIds: [ids.get('OOSTNL')],
          },
        },
        editor,
      );
    const before = (await indicators([2031]))[0];
    expect(before).toMatchObject({ learningActivities: 0, competenceActivities: 0 });
    for (const r of [
      await record('WORKSHOP', '2031-03-01', 40, esmee.id),
      await record('LEARNING_SESSION', '2031-05-01', null, esmee.id),
      await record('TRAINING', '2031-06-01', 12),
      await record('PUBLICATION', '2031-06-02', 500),
      await record('WEBINAR', '2032-01-01', 99, esmee.id),
    ]) {
      expect(r.errors).toBeUndefined();
    }
    const [y] = await indicators([2031]);
    expect(y).toMatchObject({
      learningActivities: 2,
      learningParticipants: 40,
      competenceActivities: 1,
      competenceParticipants: 12,
    });
    for (const p of y.byPillar) {
      const inEsmee = esmee.pillars.includes(p.pillar);
      expect(p.learningActivities, p.pillar).toBe(inEsmee ? 2 : 0);
      // The training belongs to no initiative, so to no pillar.
      expect(p.competenceActivities).toBe(0);
    }
  });

  it('counts what a hidden initiative adds only for its participants', async () => {
    const bom = await server.token('BOM', Role.EDITOR);
    const id = await hiddenInitiative(server, bom, 'EVAL_SECRET', ids.get('BOM')!, ids.get('LIOF')!);
    const set = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id, startsOn: "2033-01-01", endsOn: "2033-12-31" }) { id } }`,
      { id },
      bom,
    );
    expect(set.errors).toBeUndefined();
    const output = await server.gql(
      `mutation ($input: RecordOutputInput!) { recordOutput(input: $input) { id } }`,
      { input: { initiativeId: id, kind: 'REPORT', title: 'Secret report', publishedOn: '2033-05-01' } },
      bom,
    );
    expect(output.errors).toBeUndefined();
    const liof = (await indicators([2033], await server.token('LIOF', Role.VIEWER)))[0];
    const anonymous = (await indicators([2033]))[0];
    const horizon = (await indicators([2033], await server.token('HORIZON', Role.VIEWER)))[0];
    expect(liof.jointInitiatives).toBe(anonymous.jointInitiatives + 1);
    expect(liof.outputs).toBe(anonymous.outputs + 1);
    expect(horizon).toEqual(anonymous);
  });

  it('refuses bad years with BAD_USER_INPUT and answers in one statement', async () => {
    for (const years of [[], [1800], Array.from({ length: 21 }, (_, i) => 2000 + i)]) {
      const res = await server.gql(QUERY, { years });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(years)).toBe('BAD_USER_INPUT');
    }
    const before = server.app.db.statementCount;
    await indicators([2024, 2025, 2026, 2027]);
    expect(server.app.db.statementCount - before).toBe(1);
  });
});
