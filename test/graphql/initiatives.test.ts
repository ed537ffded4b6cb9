import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

let server: TestServer;
let editor: string;
let bomId: string;

beforeAll(async () => {
  server = await startTestServer();
  editor = await server.token('BOM', Role.EDITOR);
  bomId = (await server.gql(`{ organisation(code: "BOM") { id } }`)).data.organisation.id;
});
afterAll(() => server?.close());

const codes = (res: any) => res.data.initiatives.nodes.map((n: { code: string }) => n.code);
const CREATE = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) {
  id code status visibility themes pillars coreTasks startsOn endsOn lead { code } supraRegional
  participants { totalCount nodes { role organisation { code } } } } }`;

describe('initiative queries', () => {
  it('lists the supra-regional initiatives (two or more ROMs) with their leads', async () => {
    const res = await server.gql(
      `{ initiatives(first: 100, filter: { supraRegional: true }) { totalCount nodes { code supraRegional romCount lead { code } } } }`,
    );
    const nodes = res.data.initiatives.nodes;
    expect(nodes.length).toBe(res.data.initiatives.totalCount);
    expect(nodes.every((n: any) => n.supraRegional && n.romCount >= 2)).toBe(true);
    expect(codes(res)).toEqual(
      expect.arrayContaining(['MJS_2024_2027', 'ESMEE', 'ROM_PILOT_BOVENREGIONAAL']),
    );
    const single = await server.gql(
      `{ initiatives(first: 100, filter: { supraRegional: false }) { totalCount nodes { romCount } } }`,
    );
    expect(single.data.initiatives.nodes.every((n: any) => n.romCount < 2)).toBe(true);
    expect(res.data.initiatives.totalCount + single.data.initiatives.totalCount).toBe(21);
  });

  it('shows who takes part in ESMEE, with roles and provenance', async () => {
    const res = await server.gql(`{ initiative(code: "ESMEE") { title kind startsOn endsOn
      participants(first: 100) { totalCount nodes { role sourceRole confidence source organisation { code kind } } } } }`);
    const esmee = res.data.initiative;
    expect(esmee).toMatchObject({ kind: 'RESEARCH_PROGRAMME', startsOn: '2023-01-01', endsOn: '2027-12-31' });
    const orgs = esmee.participants.nodes.map((p: any) => p.organisation.code);
    expect(orgs).toEqual(expect.arrayContaining(['UU', 'NOM', 'BOM', 'LIOF']));
    expect(esmee.participants.totalCount).toBe(esmee.participants.nodes.length);
    expect(esmee.participants.nodes.find((p: any) => p.organisation.code === 'UU').role).toBe('LEAD');
  });

  it.each([
    ['themes', '{ themes: [AGRI_FOOD] }', (n: any) => n.themes.includes('AGRI_FOOD')],
    ['pillars', '{ pillars: [STRENGTHEN_BASE] }', (n: any) => n.pillars.includes('STRENGTHEN_BASE')],
    ['coreTasks', '{ coreTasks: [INTERNATIONALISE] }', (n: any) => n.coreTasks.includes('INTERNATIONALISE')],
    ['statuses', '{ statuses: [COMPLETED] }', (n: any) => n.status === 'COMPLETED'],
    ['search', '{ search: "osaka" }', (n: any) => /osaka/i.test(n.code + n.title)],
  ])('filters by %s', async (_name, filter, holds) => {
    const res = await server.gql(
      `{ initiatives(first: 100, filter: ${filter}) { totalCount nodes { code title status themes pillars coreTasks } } }`,
    );
    const nodes = res.data.initiatives.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(21);
    expect(nodes.every(holds)).toBe(true);
    expect(res.data.initiatives.totalCount).toBe(nodes.length);
  });

  it('filters by a taking-part organisation', async () => {
    const res = await server.gql(
      `query ($id: ID!) { initiatives(first: 100, filter: { organisationId: $id }) { nodes { code } } }`,
      { id: bomId },
    );
    const direct = await server.app.db.read(
      `SELECT i.code FROM initiatives i JOIN participations p ON p.initiative_id = i.id
        JOIN organisations o ON o.id = p.organisation_id WHERE o.code = 'BOM' AND p.left_on IS NULL ORDER BY i.code`,
    );
    expect(codes(res)).toEqual(direct.map((r) => r.code));
  });

  it('rejects an organisation id of the wrong type in a filter', async () => {
    const initiativeId = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
    const res = await server.gql(
      `query ($id: ID!) { initiatives(filter: { organisationId: $id }) { totalCount } }`,
      { id: initiativeId },
    );
    expect(firstCode(res)).toBe('BAD_USER_INPUT');
  });

  it('returns the same participants whichever fields a query selects (the statement fetches only those)', async () => {
    const shapes = [
      `role`,
      `role organisation { code }`,
      `role sourceRole confidence organisation { code name }`,
      `role organisation { code provinces website confidence }`,
      `id joinedOn organisation { id name }`,
    ];
    const results = await Promise.all(
      shapes.map((shape) =>
        server.gql(`{ initiative(code: "ESMEE") { participants(first: 50) { nodes { role ${shape} } } } }`),
      ),
    );
    const full = (
      await server.gql(`{ initiative(code: "ESMEE") { participants(first: 50) { nodes {
      id role sourceRole confidence joinedOn organisation { id code name provinces website confidence } } } } }`)
    ).data.initiative.participants.nodes;
    results.forEach((res) => {
      expect(res.errors).toBeUndefined();
      const nodes = res.data.initiative.participants.nodes;
      expect(nodes).toHaveLength(full.length);
      nodes.forEach((node: any, j: number) => {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'organisation') expect(full[j].organisation).toMatchObject(value as object);
          else expect(full[j][key]).toEqual(value);
        }
      });
    });
    expect(full.find((p: any) => p.organisation.code === 'NOM').organisation.provinces).toEqual([
      'NL-GR',
      'NL-FR',
      'NL-DR',
    ]);
  });

  it('shows the same lead in a list whichever lead fields are selected', async () => {
    const brief = await server.gql(`{ initiatives(first: 30) { nodes { code lead { name } } } }`);
    const full = await server.gql(
      `{ initiatives(first: 30) { nodes { code lead { name provinces kind website } } } }`,
    );
    const none = await server.gql(`{ initiatives(first: 30) { nodes { code } } }`);
    expect(full.data.initiatives.nodes.map((n: any) => n.lead?.name ?? null)).toEqual(
      brief.data.initiatives.nodes.map((n: any) => n.lead?.name ?? null),
    );
    expect(none.data.initiatives.nodes.map((n: any) => n.code)).toEqual(
      brief.data.initiatives.nodes.map((n: any) => n.code),
    );
    const mjs = full.data.initiatives.nodes.find((n: any) => n.code === 'MJS_2024_2027');
    expect(mjs.lead).toMatchObject({ kind: 'MINISTRY', provinces: [] });
  });

  it('pages participants with cursors', async () => {
    const first = await server.gql(
      `{ initiative(code: "ESMEE") { participants(first: 5) { pageInfo { hasNextPage endCursor } nodes { id } } } }`,
    );
    const page1 = first.data.initiative.participants;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql(
      `query ($after: String) { initiative(code: "ESMEE") { participants(first: 5, after: $after) { nodes { id } } } }`,
      { after: page1.pageInfo.endCursor },
    );
    const ids = [...page1.nodes, ...second.data.initiative.participants.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(10);
  });

  it('returns the taxonomy with Dutch and English labels', async () => {
    const res = await server.gql(
      `{ taxonomy { themes { code labelNl labelEn } pillars { code number labelEn } coreTasks { code labelNl } } }`,
    );
    expect(res.data.taxonomy.themes).toHaveLength(7);
    expect(res.data.taxonomy.themes[0]).toEqual({
      code: 'CLIMATE_ENERGY',
      labelNl: 'Klimaat en energie',
      labelEn: 'Climate and energy',
    });
    expect(res.data.taxonomy.pillars.map((p: any) => p.code)).toEqual([
      'NATIONAL_REGIONAL_CONNECTION',
      'STRENGTHEN_BASE',
      'THEMATIC_TRANSITIONS',
    ]);
  });

  it('resolves any object through node(id) and answers null for unknown ids', async () => {
    const { data } = await server.gql(
      `{ initiative(code: "KIC_2024_2027") { id milestones { id } participants(first: 1) { nodes { id } } funding { id } } }`,
    );
    const ids = [
      data.initiative.id,
      data.initiative.milestones[0].id,
      data.initiative.participants.nodes[0].id,
      data.initiative.funding[0].id,
    ];
    for (const [id, type] of [
      [ids[0], 'Initiative'],
      [ids[1], 'Milestone'],
      [ids[2], 'Participation'],
      [ids[3], 'FundingAllocation'],
      [bomId, 'Organisation'],
    ]) {
      const r = await server.gql(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(r.data.node).toEqual({ __typename: type, id });
    }
    expect((await server.gql(`{ node(id: "bm9wZTox") { id } }`)).data.node).toBeNull();
    expect((await server.gql(`{ node(id: "!!!") { id } }`)).data.node).toBeNull();
  });

  it('hides funding amounts from anonymous callers and shows them to members', async () => {
    const q = `{ initiative(code: "MJS_2024_2027") { funding { amountEur basis year source { code } } } }`;
    const anonymous = await server.gql(q);
    expect(anonymous.data.initiative.funding.every((f: any) => f.amountEur === null)).toBe(true);
    const member = await server.gql(q, {}, await server.token('EZ', Role.VIEWER));
    expect(member.data.initiative.funding.map((f: any) => f.amountEur)).toEqual(
      expect.arrayContaining([2200000, 4000000]),
    );
  });
});

describe('createInitiative and updateInitiative', () => {
  it('creates with defaults, adds the lead as LEAD, and records both events', async () => {
    const seqBefore = (await server.app.db.read(`SELECT coalesce(max(seq), 0) AS s FROM events`))[0]!.s;
    const res = await server.gql(
      CREATE,
      { input: { code: 'BRAINPORT_AI', title: 'Brainport AI hub', leadOrganisationId: bomId } },
      editor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createInitiative).toMatchObject({
      code: 'BRAINPORT_AI',
      status: 'PLANNED',
      visibility: 'NETWORK',
      themes: [],
      pillars: [],
      coreTasks: [],
      startsOn: null,
      lead: { code: 'BOM' },
      supraRegional: false,
      participants: { totalCount: 1, nodes: [{ role: 'LEAD', organisation: { code: 'BOM' } }] },
    });
    const events = await server.app.db.read(`SELECT type FROM events WHERE seq > $1 ORDER BY seq`, [
      seqBefore,
    ]);
    expect(events.map((e) => e.type)).toEqual(['INITIATIVE_CREATED', 'PARTNER_JOINED']);
  });

  it('hides a NETWORK initiative from anonymous callers', async () => {
    expect((await server.gql(`{ initiative(code: "BRAINPORT_AI") { code } }`)).data.initiative).toBeNull();
    expect(
      (await server.gql(`{ initiative(code: "BRAINPORT_AI") { code } }`, {}, editor)).data.initiative.code,
    ).toBe('BRAINPORT_AI');
  });

  it.each([
    [{ code: 'X1', title: 'T', leadOrganisationId: 'nope' }, 'BAD_USER_INPUT'],
    [
      { code: 'X2', title: 'T', leadOrganisationId: Buffer.from('Organisation:99999').toString('base64url') },
      'NOT_FOUND',
    ],
    [{ code: 'X3', title: 'T', startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'BAD_USER_INPUT'],
    [{ code: 'X4', title: 'T', startsOn: '2026-02-30' }, 'BAD_USER_INPUT'],
    [{ code: 'ESMEE', title: 'Duplicate' }, 'CONFLICT'],
    [{ code: 'X5', title: '' }, 'BAD_USER_INPUT'],
  ])('rejects %j with %s and writes nothing', async (input, code) => {
    const before = await server.app.db.read(
      `SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(*) FROM events) AS e`,
    );
    const res = await server.gql(CREATE, { input: { leadOrganisationId: bomId, ...input } }, editor);
    expect(firstCode(res)).toBe(code);
    expect(
      await server.app.db.read(
        `SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(*) FROM events) AS e`,
      ),
    ).toEqual(before);
  });

  it('updates status, themes and period, recording the changes', async () => {
    const id = (await server.gql(`{ initiative(code: "BRAINPORT_AI") { id } }`, {}, editor)).data.initiative
      .id;
    const res = await server.gql(
      `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { status themes startsOn endsOn visibility } }`,
      {
        input: {
          id,
          status: 'ACTIVE',
          themes: ['DIGITAL_KEY_TECH'],
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          visibility: 'PUBLIC',
        },
      },
      editor,
    );
    expect(res.data.updateInitiative).toEqual({
      status: 'ACTIVE',
      themes: ['DIGITAL_KEY_TECH'],
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      visibility: 'PUBLIC',
    });
    const [event] = await server.app.db.read(`SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('INITIATIVE_UPDATED');
    expect(event!.payload.changes.status).toEqual(['PLANNED', 'ACTIVE']);
    const bad = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id, endsOn: "2025-01-01" }) { id } }`,
      { id },
      editor,
    );
    expect(firstCode(bad)).toBe('BAD_USER_INPUT');
    const empty = await server.gql(
      `mutation ($id: ID!) { updateInitiative(input: { id: $id }) { id } }`,
      { id },
      editor,
    );
    expect(firstCode(empty)).toBe('BAD_USER_INPUT');
  });
});
