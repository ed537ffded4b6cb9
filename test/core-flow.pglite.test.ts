import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/infra/logger.js';
import { Role } from '../server/vocabulary.js';
import { sdkClient } from './harness/app.js';

// The embedded default: no DATABASE_URL, PGlite under the data directory, reference data seeded on first start.
const dataDir = path.join(os.tmpdir(), `romgraph-pglite-${process.pid}-${Date.now()}`);
let app: App;
let url: string;

/** Through the SDK, as every integration test talks to the server. */
const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
  sdkClient(url, token).execute(query, variables);

beforeAll(async () => {
  app = await createApp(loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'error' }), {
    logger: createLogger('error'),
  });
  url = await app.start(0);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the core flow on embedded PGlite', () => {
  it('serves the seeded reference network', async () => {
    const res = await gql(
      `{ organisations(filter: { kinds: [ROM] }) { totalCount } initiatives(filter: { supraRegional: true }) { totalCount } }`,
    );
    expect(res.data.organisations.totalCount).toBe(9);
    expect(res.data.initiatives.totalCount).toBeGreaterThan(5);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('creates an initiative, joins a partner, changes a milestone and reads it all back from the event log', async () => {
    const token = await app.tokens.sign(
      { subject: 'pglite', organisationCode: 'OOSTNL', role: Role.EDITOR },
      600,
    );
    const ids = (
      await gql(`{ oost: organisation(code: "OOSTNL") { id } horizon: organisation(code: "HORIZON") { id } }`)
    ).data;
    const created = await gql(
      `mutation ($lead: ID!) { createInitiative(input: { code: "PGLITE_FLOW", title: "Embedded flow", leadOrganisationId: $lead, visibility: PUBLIC }) { id } }`,
      { lead: ids.oost.id },
      token,
    );
    const initiativeId = created.data.createInitiative.id;
    await gql(
      `mutation ($i: ID!, $o: ID!) { joinInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
      { i: initiativeId, o: ids.horizon.id },
      token,
    );
    const milestone = (
      await gql(
        `mutation ($i: ID!) { addMilestone(input: { initiativeId: $i, title: "Kick-off" }) { id version } }`,
        { i: initiativeId },
        token,
      )
    ).data.addMilestone;
    const stale = await gql(
      `mutation ($id: ID!) { updateMilestone(input: { id: $id, expectedVersion: 7, status: DONE }) { id } }`,
      { id: milestone.id },
      token,
    );
    expect(stale.errors![0]!.extensions?.code).toBe('CONFLICT');
    await gql(
      `mutation ($id: ID!) { updateMilestone(input: { id: $id, expectedVersion: 1, status: DONE }) { id } }`,
      { id: milestone.id },
      token,
    );
    const view = await gql(
      `query ($i: ID!) { initiative(id: $i) { supraRegional participants { nodes { organisation { code } } } milestones { status version } } }`,
      { i: initiativeId },
    );
    expect(view.data.initiative).toEqual({
      supraRegional: true,
      participants: { nodes: [{ organisation: { code: 'OOSTNL' } }, { organisation: { code: 'HORIZON' } }] },
      milestones: [{ status: 'DONE', version: 2 }],
    });
    const events = await gql(
      `query ($i: ID!) { events(first: 100, filter: { initiativeIds: [$i] }) { nodes { type actor { code } } } }`,
      { i: initiativeId },
    );
    expect(events.data.events.nodes.map((e: any) => e.type)).toEqual([
      'INITIATIVE_CREATED',
      'PARTNER_JOINED',
      'PARTNER_JOINED',
      'MILESTONE_ADDED',
      'MILESTONE_CHANGED',
    ]);
    expect(events.data.events.nodes.every((e: any) => e.actor.code === 'OOSTNL')).toBe(true);
  });
});
