import { afterAll, beforeAll, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';

// Organisations and initiatives link to pages elsewhere (ESMEE's regional ecosystem dashboards) rather than copy them.
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.token('ROMNL', Role.ADMIN);
});
afterAll(() => server?.close());

const UPDATE_INITIATIVE = `mutation ($input: UpdateInitiativeInput!) { updateInitiative(input: $input) { externalLinks { label url } } }`;
const DASHBOARD = { label: 'ESMEE regional dashboard', url: 'https://esmee.sites.uu.nl/' };

it('are written on update, read back, listed in the change, and cleared with null', async () => {
  const plan = (await server.gql(`{ initiative(code: "RV_NTS") { id externalLinks { url } } }`)).data
    .initiative;
  expect(plan.externalLinks).toEqual([]);
  const set = await server.gql(
    UPDATE_INITIATIVE,
    { input: { id: plan.id, externalLinks: [DASHBOARD] } },
    admin,
  );
  expect(set.errors).toBeUndefined();
  expect(set.data.updateInitiative.externalLinks).toEqual([DASHBOARD]);
  const [event] = await server.app.db.read(
    `SELECT payload FROM events WHERE type = 'INITIATIVE_UPDATED' ORDER BY seq DESC LIMIT 1`,
  );
  expect(event!.payload.changes.external_links).toEqual([
    [],
    [{ url: DASHBOARD.url, label: DASHBOARD.label }],
  ]);
  // The same list again changes nothing (jsonb keeps keys in its own order; the comparison does too).
  await server.gql(
    UPDATE_INITIATIVE,
    { input: { id: plan.id, externalLinks: [DASHBOARD], titleEn: 'RV-NTS' } },
    admin,
  );
  const [again] = await server.app.db.read(
    `SELECT payload FROM events WHERE type = 'INITIATIVE_UPDATED' ORDER BY seq DESC LIMIT 1`,
  );
  expect(Object.keys(again!.payload.changes)).toEqual(['title_en']);
  const cleared = await server.gql(UPDATE_INITIATIVE, { input: { id: plan.id, externalLinks: null } }, admin);
  expect(cleared.data.updateInitiative.externalLinks).toEqual([]);
});

it('are taken on create, for organisations too', async () => {
  const created = await server.gql(
    `mutation { createOrganisation(input: { code: "LINKED", name: "Linked", kind: COMPANY,
      externalLinks: [{ label: "Ecosystem page", url: "https://example.nl/eco" }] }) { externalLinks { label url } } }`,
    {},
    admin,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createOrganisation.externalLinks).toEqual([
    { label: 'Ecosystem page', url: 'https://example.nl/eco' },
  ]);
});

it('refuses what is not an http(s) link, and more than 20, naming the field', async () => {
  const esmee = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
  const script = await server.gql(
    UPDATE_INITIATIVE,
    { input: { id: esmee, externalLinks: [{ label: 'x', url: 'javascript:alert(1)' }] } },
    admin,
  );
  expect(script.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.externalLinks[0].url',
  });
  const many = await server.gql(
    UPDATE_INITIATIVE,
    { input: { id: esmee, externalLinks: Array.from({ length: 21 }, () => DASHBOARD) } },
    admin,
  );
  expect(many.errors?.[0]?.message).toBe('input.externalLinks has 21 links; at most 20');
});
