import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import {
  FundingBasis,
  OrganisationKind,
  ParticipationRole,
  Role,
  Visibility,
} from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';

// A PARTICIPANTS initiative (Brainport-Limburg chip pilot, led by BOM with LIOF) must not exist for an outsider
// (NOM) on any read path - until NOM is added, when it appears everywhere at once.
let server: TestServer;
const ids: Record<string, string> = {};
let outsider: string;
let insider: string;
const HIDDEN = 'CHIP_PILOT_SECRET';

const system = () => new RequestScope(systemViewer);

beforeAll(async () => {
  server = await startTestServer();
  const { data } = await server.gql(
    `{ BOM: organisation(code: "BOM") { id } LIOF: organisation(code: "LIOF") { id } NOM: organisation(code: "NOM") { id } }`,
  );
  for (const [code, value] of Object.entries(data)) ids[code] = (value as { id: string }).id;
  const { services } = server.app;
  const hidden = await services.initiatives.create(system(), {
    code: HIDDEN,
    title: 'Chip pilot (in preparation)',
    leadOrganisationId: ids.BOM!,
    visibility: Visibility.PARTICIPANTS,
  });
  ids.hidden = hidden.id;
  await services.participations.join(system(), {
    initiativeId: hidden.id,
    organisationId: ids.LIOF!,
    role: ParticipationRole.PARTNER,
  });
  ids.milestone = (
    await services.milestones.add(system(), { initiativeId: hidden.id, title: 'Go/no-go' })
  ).id;
  ids.funding = (
    await services.funding.allocate(system(), {
      initiativeId: hidden.id,
      sourceOrganisationId: ids.BOM!,
      amountEur: 500000,
      basis: FundingBasis.TOTAL,
    })
  ).id;
  outsider = await server.token('NOM', Role.EDITOR);
  insider = await server.token('LIOF', Role.VIEWER);
});
afterAll(() => server?.close());

/** Every read path, as the given caller: true where the hidden initiative shows. */
async function sightings(auth: string | undefined): Promise<Record<string, boolean>> {
  const q = await server.gql(
    `query ($id: ID!, $m: ID!, $f: ID!, $bom: ID!, $liof: ID!) {
      byId: initiative(id: $id) { code }
      byCode: initiative(code: "${HIDDEN}") { code }
      node: node(id: $id) { id }
      milestone: node(id: $m) { id }
      funding: node(id: $f) { id }
      list: initiatives(first: 100, filter: { search: "CHIP_PILOT" }) { totalCount nodes { code } }
      ledByBom: initiatives(first: 100, filter: { organisationId: $bom }) { totalCount nodes { code } }
      liof: organisation(id: $liof) { participations(first: 100) { totalCount nodes { initiative { code } } } }
      events: events(first: 100, filter: { initiativeIds: [$id] }) { totalCount nodes { type } }
      allEvents: events(first: 100, filter: { organisationIds: [$liof], types: [PARTNER_JOINED] }) { nodes { initiative { code } } }
    }`,
    { id: ids.hidden, m: ids.milestone, f: ids.funding, bom: ids.BOM, liof: ids.LIOF },
    auth,
  );
  expect(q.errors).toBeUndefined();
  const d = q.data;
  return {
    byId: d.byId !== null,
    byCode: d.byCode !== null,
    node: d.node !== null,
    milestone: d.milestone !== null,
    funding: d.funding !== null,
    list: d.list.totalCount > 0 || d.list.nodes.length > 0,
    ledByBom: d.ledByBom.nodes.some((n: any) => n.code === HIDDEN),
    nested: d.liof.participations.nodes.some((p: any) => p.initiative.code === HIDDEN),
    events: d.events.totalCount > 0,
    eventFeed: d.allEvents.nodes.some((e: any) => e.initiative?.code === HIDDEN),
  };
}

const everywhere = (value: boolean) =>
  Object.fromEntries(
    [
      'byId',
      'byCode',
      'node',
      'milestone',
      'funding',
      'list',
      'ledByBom',
      'nested',
      'events',
      'eventFeed',
    ].map((k) => [k, value]),
  );

describe('a PARTICIPANTS initiative', () => {
  it('does not exist for anonymous callers or an outsider, on any read path', async () => {
    expect(await sightings(undefined)).toEqual(everywhere(false));
    expect(await sightings(outsider)).toEqual(everywhere(false));
    expect(await sightings(await server.token('EZ', Role.VIEWER))).toEqual(everywhere(false));
  });

  it('is NOT_FOUND, not FORBIDDEN, when an outsider tries to act on it', async () => {
    const join = await server.gql(
      `mutation ($i: ID!, $o: ID!) { joinInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
      { i: ids.hidden, o: ids.NOM },
      outsider,
    );
    expect(firstCode(join)).toBe('NOT_FOUND');
    const milestone = await server.gql(
      `mutation ($i: ID!) { addMilestone(input: { initiativeId: $i, title: "x" }) { id } }`,
      { i: ids.hidden },
      outsider,
    );
    expect(firstCode(milestone)).toBe('NOT_FOUND');
    const update = await server.gql(
      `mutation ($m: ID!) { updateMilestone(input: { id: $m, expectedVersion: 1, status: DONE }) { id } }`,
      { m: ids.milestone },
      outsider,
    );
    expect(firstCode(update)).toBe('NOT_FOUND');
  });

  it('is visible everywhere to its participants and to ADMIN', async () => {
    expect(await sightings(insider)).toEqual(everywhere(true));
    expect(await sightings(await server.token('ROMNL', Role.ADMIN))).toEqual(everywhere(true));
  });

  it('appears to the outsider the moment its organisation is added, and disappears when it leaves', async () => {
    const lead = await server.token('BOM', Role.EDITOR);
    const join = await server.gql(
      `mutation ($i: ID!, $o: ID!) { joinInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
      { i: ids.hidden, o: ids.NOM },
      lead,
    );
    expect(join.errors).toBeUndefined();
    expect(await sightings(outsider)).toEqual({ ...everywhere(true), nested: true });
    await server.gql(
      `mutation ($i: ID!, $o: ID!) { leaveInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
      { i: ids.hidden, o: ids.NOM },
      lead,
    );
    expect(await sightings(outsider)).toEqual(everywhere(false));
  });
});

describe('funding amounts', () => {
  const Q = `{ initiative(code: "MJS_2024_2027") { funding { amountEur year basis source { code } } } }`;

  it('are absent for anonymous callers and partner companies, present for the network', async () => {
    await server.app.services.organisations.create(system(), {
      code: 'ACME_CHIPS',
      name: 'Acme Chips BV',
      kind: OrganisationKind.COMPANY,
    });
    const amounts = async (auth?: string) =>
      (await server.gql(Q, {}, auth)).data.initiative.funding.map((f: any) => f.amountEur);
    expect(await amounts()).toEqual([null, null, null]);
    expect(await amounts(await server.token('ACME_CHIPS', Role.EDITOR))).toEqual([null, null, null]);
    expect(await amounts(await server.token('NL-NB', Role.VIEWER))).toEqual(
      expect.arrayContaining([2200000, 4000000]),
    );
    const res = await server.gql(Q);
    expect(res.data.initiative.funding[0]).toMatchObject({
      basis: expect.any(String),
      source: { code: 'EZ' },
    });
  });

  it('keep NETWORK initiatives from partner companies unless they take part', async () => {
    const network = await server.app.services.initiatives.create(system(), {
      code: 'NETWORK_ONLY',
      title: 'Network only',
      leadOrganisationId: ids.BOM!,
    });
    const company = await server.token('ACME_CHIPS', Role.VIEWER);
    expect(
      (await server.gql(`{ initiative(code: "NETWORK_ONLY") { code } }`, {}, company)).data.initiative,
    ).toBeNull();
    expect(
      (
        await server.gql(
          `{ initiative(code: "NETWORK_ONLY") { code } }`,
          {},
          await server.token('NOM', Role.VIEWER),
        )
      ).data.initiative.code,
    ).toBe('NETWORK_ONLY');
    const acme = (await server.gql(`{ organisation(code: "ACME_CHIPS") { id } }`)).data.organisation.id;
    await server.app.services.participations.join(system(), {
      initiativeId: network.id,
      organisationId: acme,
    });
    expect(
      (await server.gql(`{ initiative(code: "NETWORK_ONLY") { code } }`, {}, company)).data.initiative.code,
    ).toBe('NETWORK_ONLY');
  });
});

describe('viewer', () => {
  it('says who is calling', async () => {
    expect((await server.gql(`{ viewer { role organisation { code } } }`)).data.viewer).toEqual({
      role: null,
      organisation: null,
    });
    expect((await server.gql(`{ viewer { role organisation { code } } }`, {}, outsider)).data.viewer).toEqual(
      { role: 'EDITOR', organisation: { code: 'NOM' } },
    );
  });
});
