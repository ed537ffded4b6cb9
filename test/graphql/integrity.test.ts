import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityConstraints1796136751932 } from '../../migrations/1796136751932-integrity-constraints.js';
import { createDataSource } from '../../server/data-source.js';
import { translateDatabaseError } from '../../server/infra/errors.js';
import { importReferenceData, type ReferenceData } from '../../server/seed/importer.js';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';
import { createTestDatabase } from '../harness/postgres.js';

let server: TestServer;
let admin: string;
let bomEditor: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
  bomEditor = await server.token('BOM', Role.EDITOR);
  const res = await server.gql(`{ bom: organisation(code: "BOM") { id } nom: organisation(code: "NOM") { id }
    liof: organisation(code: "LIOF") { id } tno: organisation(code: "TNO") { id } }`);
  for (const [k, v] of Object.entries(res.data)) ids[k] = (v as { id: string }).id;
});
afterAll(() => server?.close());

const CREATE_INITIATIVE = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id code } }`;
const UPDATE_INITIATIVE = `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) {
  lead { code } participants(first: 50) { nodes { role organisation { code } } } } }`;
const JOIN = `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id role } }`;
const LEAVE = `mutation ($input: LeaveInitiativeInput!) { leaveInitiative(input: $input) { id } }`;

/** A fresh initiative led by BOM, so each test starts from one active LEAD. */
let counter = 0;
async function initiativeLedByBom(): Promise<{ id: string; code: string }> {
  const code = `INTEGRITY_${++counter}`;
  const res = await server.gql(
    CREATE_INITIATIVE,
    { input: { code, title: `Integrity ${counter}`, leadOrganisationId: ids.bom } },
    bomEditor,
  );
  expect(res.errors).toBeUndefined();
  return res.data.createInitiative;
}

const activeRoles = async (code: string) =>
  (
    await server.app.db.read(
      `SELECT o.code, p.role FROM participations p JOIN organisations o ON o.id = p.organisation_id
        JOIN initiatives i ON i.id = p.initiative_id WHERE i.code = $1 AND p.left_on IS NULL ORDER BY o.code`,
      [code],
    )
  ).map((r) => `${r.code}:${r.role}`);

const lastSeq = async () =>
  (await server.app.db.read(`SELECT coalesce(max(seq), 0) AS s FROM events`))[0]!.s as string;

const snapshot = () =>
  server.app.db.read(`SELECT (SELECT count(*) FROM participations) AS p, (SELECT count(*) FROM events) AS e,
    (SELECT count(*) FROM organisations) AS o, (SELECT count(*) FROM initiatives) AS i`);

/** Runs SQL on the test database through its own connection, past every service check. */
async function direct<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the database accepted the row');
    },
    (err: { code?: string; constraint?: string }) => ({ code: err.code, constraint: err.constraint }),
  );

describe('handing over the lead with updateInitiative(leadOrganisationId)', () => {
  it('leaves exactly one active LEAD, a newcomer added as LEAD and the former lead still in as PARTNER, and records the events', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    const since = await lastSeq();

    // Act
    const res = await server.gql(
      UPDATE_INITIATIVE,
      { input: { id: initiative.id, leadOrganisationId: ids.nom } },
      bomEditor,
    );

    // Assert
    expect(res.errors).toBeUndefined();
    expect(res.data.updateInitiative.lead).toEqual({ code: 'NOM' });
    expect(await activeRoles(initiative.code)).toEqual(['BOM:PARTNER', 'NOM:LEAD']);
    const [agreement] = await server.app.db.read(
      `SELECT count(*)::int AS leads, bool_and(p.organisation_id = i.lead_id) AS agree
         FROM participations p JOIN initiatives i ON i.id = p.initiative_id
        WHERE i.code = $1 AND p.role = 'LEAD' AND p.left_on IS NULL`,
      [initiative.code],
    );
    expect(agreement).toEqual({ leads: 1, agree: true });
    const events = await server.app.db.read(
      `SELECT e.type, o.code AS organisation, e.organisation_ids, e.payload FROM events e
         LEFT JOIN organisations o ON o.id = e.organisation_id WHERE e.seq > $1 ORDER BY e.seq`,
      [since],
    );
    expect(events.map((e) => `${e.type}:${e.organisation}`)).toEqual([
      'INITIATIVE_UPDATED:NOM',
      'PARTNER_JOINED:NOM',
    ]);
    const [bom] = await server.app.db.read(`SELECT id FROM organisations WHERE code = 'BOM'`);
    expect(events[0]!.organisation_ids).toContain(bom!.id);
    expect(events[0]!.payload.roleChanges).toEqual([
      expect.objectContaining({ organisationId: bom!.id, role: ['LEAD', 'PARTNER'] }),
    ]);
    expect(events[1]!.payload).toEqual({
      role: 'LEAD',
      initiativeCode: expect.any(String),
      initiativeTitle: expect.any(String),
    });
  });

  it('promotes a new lead that already takes part, demotes the former one, and adds no participation', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    await server.gql(
      JOIN,
      { input: { initiativeId: initiative.id, organisationId: ids.liof, role: 'KNOWLEDGE_PARTNER' } },
      bomEditor,
    );
    const since = await lastSeq();

    // Act
    const res = await server.gql(
      UPDATE_INITIATIVE,
      { input: { id: initiative.id, leadOrganisationId: ids.liof } },
      bomEditor,
    );

    // Assert
    expect(res.errors).toBeUndefined();
    expect(res.data.updateInitiative.lead).toEqual({ code: 'LIOF' });
    expect(
      res.data.updateInitiative.participants.nodes.map((n: any) => `${n.organisation.code}:${n.role}`).sort(),
    ).toEqual(['BOM:PARTNER', 'LIOF:LEAD']);
    const events = await server.app.db.read(`SELECT type, payload FROM events WHERE seq > $1 ORDER BY seq`, [
      since,
    ]);
    expect(events.map((e) => e.type)).toEqual(['INITIATIVE_UPDATED']);
    expect(events[0]!.payload.roleChanges.map((c: { role: string[] }) => c.role)).toEqual([
      ['LEAD', 'PARTNER'],
      ['KNOWLEDGE_PARTNER', 'LEAD'],
    ]);
  });

  it('refuses to let the lead leave without a handover, and writes nothing', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    const before = await snapshot();

    // Act
    const res = await server.gql(
      LEAVE,
      { input: { initiativeId: initiative.id, organisationId: ids.bom } },
      bomEditor,
    );

    // Assert
    expect(firstCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toMatch(/updateInitiative\(leadOrganisationId\)/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('joinInitiative with role LEAD', () => {
  it('answers CONFLICT on an initiative that already has an active lead, pointing to the handover, and writes nothing', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    const before = await snapshot();

    // Act
    const res = await server.gql(
      JOIN,
      { input: { initiativeId: initiative.id, organisationId: ids.tno, role: 'LEAD' } },
      bomEditor,
    );

    // Assert
    expect(firstCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toMatch(
      /already has an active lead \(BOM\).*updateInitiative\(leadOrganisationId\)/,
    );
    expect(await snapshot()).toEqual(before);
    expect(await activeRoles(initiative.code)).toEqual(['BOM:LEAD']);
  });

  it('answers CONFLICT when an outsider joins itself as LEAD, so it gains no lead rights', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    const before = await snapshot();

    // Act
    const res = await server.gql(
      JOIN,
      { input: { initiativeId: initiative.id, organisationId: ids.nom, role: 'LEAD' } },
      await server.token('NOM', Role.EDITOR),
    );

    // Assert
    expect(firstCode(res)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });
});

describe('codes are unique regardless of case', () => {
  it('answers CONFLICT for an organisation bom beside BOM, naming the existing code, and writes nothing', async () => {
    // Arrange
    const before = await snapshot();

    // Act
    const res = await server.gql(
      `mutation { createOrganisation(input: { code: "bom", name: "Another BOM", kind: COMPANY }) { id } }`,
      {},
      admin,
    );

    // Assert
    expect(firstCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toBe(
      'an organisation with code BOM already exists (codes are unique regardless of case): choose another code',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers CONFLICT for an initiative esmee beside ESMEE, naming the existing code, and writes nothing', async () => {
    // Arrange
    const before = await snapshot();

    // Act
    const res = await server.gql(
      CREATE_INITIATIVE,
      { input: { code: 'esmee', title: 'Another ESMEE', leadOrganisationId: ids.bom } },
      bomEditor,
    );

    // Assert
    expect(firstCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.message).toBe(
      'an initiative with code ESMEE already exists (codes are unique regardless of case): choose another code',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('the database enforces the rules itself', () => {
  it('refuses a second active LEAD, but keeps a former LEAD that has left', async () => {
    // Arrange
    const initiative = await initiativeLedByBom();
    const insert = (client: pg.Client, leftOn: string | null) =>
      client.query(
        `INSERT INTO participations (initiative_id, organisation_id, role, joined_on, left_on)
         SELECT i.id, o.id, 'LEAD', DATE '2020-01-01', $2::date FROM initiatives i, organisations o
          WHERE i.code = $1 AND o.code = 'TNO'`,
        [initiative.code, leftOn],
      );

    // Act
    const active = await direct((c) => refusal(insert(c, null)));
    const left = await direct((c) => insert(c, '2021-01-01'));

    // Assert
    expect(active).toEqual({ code: '23505', constraint: 'participations_active_lead_key' });
    expect(left.rowCount).toBe(1);
  });

  it.each([
    [
      'organisations',
      `INSERT INTO organisations (code, name, kind) VALUES ('bom', 'Another BOM', 'COMPANY')`,
    ],
    ['initiatives', `INSERT INTO initiatives (code, title) VALUES ('Esmee', 'Another ESMEE')`],
  ])('refuses a case variant of an existing code in %s', async (table, sql) => {
    // Act
    const refused = await direct((c) => refusal(c.query(sql)));

    // Assert
    expect(refused).toEqual({ code: '23505', constraint: `${table}_code_lower_key` });
  });

  it.each([
    ['participations_active_lead_key', /hand the lead over with updateInitiative\(leadOrganisationId\)/],
    ['organisations_code_lower_key', /regardless of case/],
    ['initiatives_code_lower_key', /regardless of case/],
  ])('answers CONFLICT with a clear message when a race reaches %s', (constraint, message) => {
    // Act
    const error = translateDatabaseError({ code: '23505', constraint });

    // Assert
    expect(error?.extensions.code).toBe('CONFLICT');
    expect(error?.message).toMatch(message);
  });
});

describe('the migration', () => {
  it('undoes with down(), refuses up() while rows break the rules (listing them, changing nothing), and applies once they are resolved', async () => {
    // Arrange
    const database = await createTestDatabase();
    const ds = createDataSource({ url: database.url, poolSize: 2 });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    const migration = new IntegrityConstraints1796136751932();
    const indexes = async () =>
      (
        await ds.query(
          `SELECT indexname FROM pg_indexes WHERE indexname IN
            ('organisations_code_lower_key', 'initiatives_code_lower_key', 'participations_active_lead_key')
           ORDER BY 1`,
        )
      ).map((r: { indexname: string }) => r.indexname);
    try {
      const all = await indexes();

      // Act
      await migration.down(runner);
      const afterDown = await indexes();
      await ds.query(`INSERT INTO organisations (code, name, kind) VALUES ('bom', 'Another BOM', 'COMPANY')`);
      await ds.query(`INSERT INTO initiatives (code, title) VALUES ('esmee', 'Another ESMEE')`);
      await ds.query(`UPDATE participations SET role = 'LEAD' WHERE id = (SELECT p.id FROM participations p
        JOIN organisations o ON o.id = p.organisation_id JOIN initiatives i ON i.id = p.initiative_id
        WHERE i.code = 'ESMEE' AND o.code = 'NOM')`);
      const refused = await migration.up(runner).then(
        () => null,
        (err: Error) => err.message,
      );
      const afterRefusal = await indexes();
      await ds.query(`DELETE FROM organisations WHERE code = 'bom'`);
      await ds.query(`DELETE FROM initiatives WHERE code = 'esmee'`);
      await ds.query(`UPDATE participations SET role = 'PARTNER' WHERE id = (SELECT p.id FROM participations p
        JOIN organisations o ON o.id = p.organisation_id JOIN initiatives i ON i.id = p.initiative_id
        WHERE i.code = 'ESMEE' AND o.code = 'NOM')`);
      await migration.up(runner);

      // Assert
      expect(all).toEqual([
        'initiatives_code_lower_key',
        'organisations_code_lower_key',
        'participations_active_lead_key',
      ]);
      expect(afterDown).toEqual([]);
      expect(refused).toMatch(/nothing was changed/);
      expect(refused).toMatch(
        /organisations whose codes differ only in case: BOM \(id \d+\), bom \(id \d+\)/,
      );
      expect(refused).toMatch(
        /initiatives whose codes differ only in case: ESMEE \(id \d+\), esmee \(id \d+\)/,
      );
      expect(refused).toMatch(
        /initiative ESMEE \(id \d+\) has several active LEAD participations: (UU.*NOM|NOM.*UU)/,
      );
      expect(afterRefusal).toEqual([]);
      expect(await indexes()).toEqual(all);
    } finally {
      await runner.release();
      await ds.destroy();
      await database.drop();
    }
  });
});

describe('the reference import', () => {
  it('records a second lead of one initiative as COORDINATOR, with a note, so the seed still imports', async () => {
    // Arrange
    const organisation = (code: string) => ({
      code,
      name: `Organisation ${code}`,
      kind: 'company',
      provinces: [],
      website: null,
      source: 'test',
    });
    const data: ReferenceData = {
      meta: { asOf: '2026-01-01', version: 'test' },
      organisations: [organisation('TWO_LEADS_A'), organisation('TWO_LEADS_B')],
      initiatives: [{ code: 'TWO_LEADS', name: 'Two leads', kind: 'programme', source: 'test' }],
      participations: [
        { organisation: 'TWO_LEADS_A', initiative: 'TWO_LEADS', role: 'owner', source: 'test' },
        { organisation: 'TWO_LEADS_B', initiative: 'TWO_LEADS', role: 'lead', source: 'test' },
      ],
      relations: [],
    };

    // Act
    await importReferenceData(server.app.db, data);

    // Assert
    expect(await activeRoles('TWO_LEADS')).toEqual(['TWO_LEADS_A:LEAD', 'TWO_LEADS_B:COORDINATOR']);
    const [b] = await server.app.db.read(
      `SELECT p.source_role, p.notes, i.lead_id = p.organisation_id AS is_lead FROM participations p
         JOIN initiatives i ON i.id = p.initiative_id JOIN organisations o ON o.id = p.organisation_id
        WHERE i.code = 'TWO_LEADS' AND o.code = 'TWO_LEADS_B'`,
    );
    expect(b).toMatchObject({ source_role: 'lead', is_lead: false });
    expect(b!.notes).toMatch(/one lead, so recorded as COORDINATOR/);
  });
});
