import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

let server: TestServer;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
  const res = await server.gql(`{ iq: organisation(code: "IQ") { id } nom: organisation(code: "NOM") { id }
    uu: organisation(code: "UU") { id } ez: organisation(code: "EZ") { id } esmee: initiative(code: "ESMEE") { id } }`);
  for (const [k, v] of Object.entries(res.data)) ids[k] = (v as { id: string }).id;
});
afterAll(() => server?.close());

describe('createPartnership and endPartnership', () => {
  const CREATE = `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id kind themes since until active from { code } to { code } } }`;
  let partnershipId: string;

  it('records a tie between two ROMs with PARTNERSHIP_FORMED', async () => {
    const res = await server.gql(
      CREATE,
      {
        input: {
          fromId: ids.iq,
          toId: ids.nom,
          kind: 'ROM_COLLABORATION',
          themes: ['ENERGY_SECURITY'],
          since: '2025-03-01',
        },
      },
      admin,
    );
    expect(res.data.createPartnership).toMatchObject({
      kind: 'ROM_COLLABORATION',
      themes: ['ENERGY_SECURITY'],
      since: '2025-03-01',
      until: null,
      active: true,
      from: { code: 'IQ' },
      to: { code: 'NOM' },
    });
    partnershipId = res.data.createPartnership.id;
    const [event] = await server.app.db.read(
      `SELECT type, organisation_ids FROM events ORDER BY seq DESC LIMIT 1`,
    );
    expect(event!.type).toBe('PARTNERSHIP_FORMED');
    expect(event!.organisation_ids).toHaveLength(2);
  });

  it('refuses a self-partnership and a duplicate active tie', async () => {
    expect(
      firstCode(
        await server.gql(CREATE, { input: { fromId: ids.iq, toId: ids.iq, kind: 'WORKS_WITH' } }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      firstCode(
        await server.gql(
          CREATE,
          { input: { fromId: ids.iq, toId: ids.nom, kind: 'ROM_COLLABORATION' } },
          admin,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('ends a tie once, not before it began', async () => {
    const END = `mutation ($input: EndPartnershipInput!) { endPartnership(input: $input) { until active } }`;
    expect(
      firstCode(await server.gql(END, { input: { id: partnershipId, until: '2024-01-01' } }, admin)),
    ).toBe('BAD_USER_INPUT');
    const res = await server.gql(END, { input: { id: partnershipId, until: '2026-06-30' } }, admin);
    expect(res.data.endPartnership).toEqual({ until: '2026-06-30', active: false });
    expect(firstCode(await server.gql(END, { input: { id: partnershipId } }, admin))).toBe('CONFLICT');
    const [event] = await server.app.db.read(`SELECT type FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('PARTNERSHIP_ENDED');
  });
});

describe('recordActivity', () => {
  const RECORD = `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id title kind occurredOn themes participantCount initiative { code } organisers { code } participants { code } } }`;

  it('records an ESMEE workshop with organisers and participants', async () => {
    const res = await server.gql(
      RECORD,
      {
        input: {
          title: 'Regional ecosystem dashboards workshop',
          kind: 'WORKSHOP',
          occurredOn: '2026-10-14',
          themes: ['AGRI_FOOD'],
          initiativeId: ids.esmee,
          organiserIds: [ids.uu],
          participantIds: [ids.nom, ids.iq, ids.uu],
          participantCount: 34,
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordActivity).toMatchObject({
      kind: 'WORKSHOP',
      participantCount: 34,
      initiative: { code: 'ESMEE' },
      organisers: [{ code: 'UU' }],
      participants: [{ code: 'IQ' }, { code: 'NOM' }],
    });
    const [event] = await server.app.db.read(
      `SELECT type, activity_id FROM events ORDER BY seq DESC LIMIT 1`,
    );
    expect(event!.type).toBe('ACTIVITY_RECORDED');
  });

  it('needs an organiser and a real date', async () => {
    const base = { title: 'X', kind: 'WEBINAR', occurredOn: '2026-10-14', organiserIds: [ids.uu] };
    expect(firstCode(await server.gql(RECORD, { input: { ...base, organiserIds: [] } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstCode(await server.gql(RECORD, { input: { ...base, occurredOn: '14-10-2026' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstCode(await server.gql(RECORD, { input: { ...base, participantCount: -3 } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('allocateFunding', () => {
  const ALLOCATE = `mutation ($input: AllocateFundingInput!) { allocateFunding(input: $input) { id amountEur year basis kind status source { code } initiative { code } } }`;

  it('records an allocation; the event carries no amount', async () => {
    const res = await server.gql(
      ALLOCATE,
      {
        input: {
          initiativeId: ids.esmee,
          sourceOrganisationId: ids.ez,
          amountEur: 250000.5,
          year: 2026,
          basis: 'YEAR',
          kind: 'STRUCTURAL',
          status: 'SPENT',
        },
      },
      admin,
    );
    expect(res.data.allocateFunding).toMatchObject({
      amountEur: 250000.5,
      year: 2026,
      basis: 'YEAR',
      kind: 'STRUCTURAL',
      status: 'SPENT',
      source: { code: 'EZ' },
      initiative: { code: 'ESMEE' },
    });
    const [event] = await server.app.db.read(`SELECT type, payload FROM events ORDER BY seq DESC LIMIT 1`);
    expect(event!.type).toBe('FUNDING_ALLOCATED');
    expect(JSON.stringify(event!.payload)).not.toContain('250000');
    expect(event!.payload).toMatchObject({ kind: 'STRUCTURAL', status: 'SPENT' });
    const plain = await server.gql(
      ALLOCATE,
      { input: { initiativeId: ids.esmee, sourceOrganisationId: ids.ez, amountEur: 1 } },
      admin,
    );
    expect(plain.data.allocateFunding).toMatchObject({ kind: 'OTHER', status: 'COMMITTED' });
  });

  it.each([
    [{ amountEur: -1 }, 'BAD_USER_INPUT'],
    [{ amountEur: 1.234 }, 'BAD_USER_INPUT'],
    [{ year: 1800 }, 'BAD_USER_INPUT'],
    [{ sourceOrganisationId: null }, 'BAD_USER_INPUT'],
  ])('rejects %j with %s', async (input, code) => {
    const res = await server.gql(
      ALLOCATE,
      { input: { initiativeId: ids.esmee, sourceOrganisationId: ids.ez, amountEur: 10, ...input } },
      admin,
    );
    expect(firstCode(res)).toBe(code);
  });
});
