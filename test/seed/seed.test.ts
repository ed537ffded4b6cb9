import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReferenceData, loadReferenceData } from '../../server/seed/importer.js';
import { startTestServer, type TestServer } from '../harness/app.js';

// The template database every test clones was seeded by importReferenceData (test/harness/global-setup.ts).
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const count = async (sql: string) => (await server.app.db.read<{ n: number }>(sql))[0]!.n;

describe('the reference seed', () => {
  it('imports every organisation with its code, nine of them ROMs', async () => {
    const reference = loadReferenceData();
    expect(await count(`SELECT count(*)::int AS n FROM organisations`)).toBe(reference.organisations.length);
    const roms = await server.app.db.read(`SELECT code FROM organisations WHERE kind = 'ROM' ORDER BY code`);
    expect(roms.map((r) => r.code)).toEqual([
      'BOM',
      'HORIZON',
      'IMPULS',
      'INWEST',
      'IQ',
      'LIOF',
      'NOM',
      'OOSTNL',
      'ROMUR',
    ]);
  });

  it('imports initiatives, participations, partnerships, milestones and funding, all PUBLIC', async () => {
    const reference = loadReferenceData();
    expect(await count(`SELECT count(*)::int AS n FROM initiatives`)).toBe(reference.initiatives.length);
    expect(await count(`SELECT count(*)::int AS n FROM initiatives WHERE visibility <> 'PUBLIC'`)).toBe(0);
    // 162 listed, one pair listed twice (EZ owns and funds the strategy): merged into one active participation.
    expect(await count(`SELECT count(*)::int AS n FROM participations`)).toBe(161);
    expect(await count(`SELECT count(*)::int AS n FROM partnerships`)).toBe(reference.relations.length);
    expect(await count(`SELECT count(*)::int AS n FROM milestones`)).toBe(7);
    expect(await count(`SELECT count(*)::int AS n FROM funding_allocations`)).toBe(10);
    const [ez] = await server.app.db.read(`SELECT p.role, p.source_role, p.notes FROM participations p
      JOIN organisations o ON o.id = p.organisation_id JOIN initiatives i ON i.id = p.initiative_id
      WHERE o.code = 'EZ' AND i.code = 'MJS_2024_2027'`);
    expect(ez).toMatchObject({ role: 'LEAD', source_role: 'owner' });
    expect(ez!.notes).toContain('funder');
  });

  it('keeps source and confidence, flagging the unverified', async () => {
    const [row] = await server.app.db.read(`SELECT source, confidence FROM organisations WHERE code = 'NOM'`);
    expect(row!.source).toMatch(/^https:\/\/www\.nom\.nl\//);
    expect(row!.confidence).toBe('CONFIRMED');
    // 14 unverified in the reference; one (EZ as funder of the strategy) merged into EZ's confirmed LEAD row.
    const unverified = loadReferenceData().participations.filter((p) => p.confidence === 'unverified').length;
    expect(unverified).toBe(14);
    const stored = await count(
      `SELECT count(*)::int AS n FROM participations WHERE confidence = 'UNVERIFIED'`,
    );
    expect(stored).toBe(unverified - 1);
  });

  it('counts eleven supra-regional initiatives (two or more ROMs)', async () => {
    const res = await server.gql(
      `{ initiatives(first: 100, filter: { supraRegional: true }) { totalCount } }`,
    );
    const direct = await count(`SELECT count(*)::int AS n FROM (SELECT p.initiative_id FROM participations p
      JOIN organisations o ON o.id = p.organisation_id WHERE o.kind = 'ROM' AND p.left_on IS NULL
      GROUP BY p.initiative_id HAVING count(*) >= 2) s`);
    expect(res.data.initiatives.totalCount).toBe(direct);
    expect(direct).toBe(11);
  });

  it('turns partial dates into periods: a year starts on 1 January and ends on 31 December', async () => {
    const [mjs] = await server.app.db.read(
      `SELECT starts_on, ends_on, status FROM initiatives WHERE code = 'MJS_2024_2027'`,
    );
    expect(mjs).toEqual({ starts_on: '2024-01-01', ends_on: '2027-12-31', status: 'ACTIVE' });
    const [kic] = await server.app.db.read(`SELECT status FROM initiatives WHERE code = 'KIC_2020_2023'`);
    expect(kic!.status).toBe('COMPLETED');
  });

  it('imports the outputs the reference data records, each citing what the reference cites for its initiative', async () => {
    const outputs = await server.app.db
      .read(`SELECT i.code AS initiative, o.code, o.kind, o.published_on, o.confidence
      FROM outputs o JOIN initiatives i ON i.id = o.initiative_id ORDER BY i.code, o.code`);
    expect(outputs.map((o) => `${o.initiative}/${o.code}:${o.kind}`)).toEqual([
      'ESMEE/ESMEE_DASHBOARDS:DATASET',
      'EVAL_ROM_2016_2020/CBS_EFFECT_MEASUREMENT:DATASET',
      'EVAL_ROM_2016_2020/EVAL_REPORT:REPORT',
      'EXPO2025_ECON_MISSION_JAPAN/MISSION_BOOKLET:PUBLICATION',
      'EXPO2025_OSAKA/OSAKA_CASE:CASE',
      'KIC_2020_2023/KIC20_COVENANT:DECISION',
      'KIC_2024_2027/KIC24_COVENANT:DECISION',
      'MJS_2024_2027/MJS_STRATEGY:PUBLICATION',
      'RV_NTS/RVNTS_CASE:CASE',
    ]);
    // The same dates as the reference milestones they stand for.
    expect(outputs.find((o) => o.code === 'EVAL_REPORT')!.published_on).toBe('2022-07-15');
    expect(outputs.find((o) => o.code === 'MISSION_BOOKLET')!.confidence).toBe('LIKELY');
    expect(
      await count(
        `SELECT count(*)::int AS n FROM events WHERE type = 'OUTPUT_RECORDED' AND output_id IS NOT NULL`,
      ),
    ).toBe(9);

    const data = loadReferenceData();
    const made = structuredClone(data);
    made.outputs = [{ ...data.outputs![0]!, code: 'MADE_UP', source: 'https://example.org/not-cited' }];
    await expect(importReferenceData(server.app.db, made)).rejects.toThrow(
      /cites https:\/\/example.org\/not-cited, which the reference data does not cite for MJS_2024_2027/,
    );
  });

  it('changes nothing on a second run, and says so', async () => {
    const before = await server.app.db
      .read(`SELECT (SELECT count(*) FROM organisations) o, (SELECT count(*) FROM initiatives) i,
      (SELECT count(*) FROM participations) p, (SELECT count(*) FROM events) e, (SELECT max(updated_at) FROM organisations) u`);
    const lines: string[] = [];
    const report = await importReferenceData(server.app.db, undefined, (line) => lines.push(line));
    expect(report.changed).toBe(false);
    expect(Object.values(report.counts).every((c) => c.added === 0)).toBe(true);
    expect(lines.at(-1)).toMatch(/nothing to do/);
    expect(lines.filter((l) => /already present/.test(l))).toHaveLength(10);
    const after = await server.app.db
      .read(`SELECT (SELECT count(*) FROM organisations) o, (SELECT count(*) FROM initiatives) i,
      (SELECT count(*) FROM participations) p, (SELECT count(*) FROM events) e, (SELECT max(updated_at) FROM organisations) u`);
    expect(after).toEqual(before);
  });

  it('adds only what is missing when part of the network was deleted', async () => {
    await server.app.db.read(`DELETE FROM milestones WHERE code = 'MJS_PUBLISHED'`);
    const report = await importReferenceData(server.app.db);
    expect(report.counts.milestones).toEqual({ reference: 7, added: 1 });
    expect(report.counts.organisations!.added).toBe(0);
  });
});
