import { readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries, mutations, subscriptions } from '../../client-sdk/src/generated/operations.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { eventually, organisationIds } from '../harness/graph.js';

// The SDK's generated operations: one per root field, valid against the schema, and every generated method
// answering on the seeded reference network within the server's limits: each query, each mutation (in one
// story), and the plain subscriptions.
const dir = new URL('../../client-sdk/operations/', import.meta.url);
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));

let server: TestServer;
let ids: Map<string, string>;
beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
});
afterAll(() => server?.close());

describe('the generated operations', () => {
  it('cover every root field of the schema, once each', () => {
    const fields = (type: { getFields(): object } | null | undefined) => Object.keys(type?.getFields() ?? {});
    // node(id:) returns an interface: the caller says which fields it wants (client.request).
    expect(Object.keys(queries).sort()).toEqual(
      fields(schema.getQueryType())
        .filter((f) => f !== 'node')
        .sort(),
    );
    expect(Object.keys(mutations).sort()).toEqual(fields(schema.getMutationType()).sort());
    expect(Object.keys(subscriptions).sort()).toEqual(fields(schema.getSubscriptionType()).sort());
    expect(files).toHaveLength(
      Object.keys(queries).length + Object.keys(mutations).length + Object.keys(subscriptions).length,
    );
  });

  it.each(files)('%s is valid against the schema', (file) => {
    expect(validate(schema, parse(readFileSync(new URL(file, dir), 'utf8')))).toEqual([]);
  });

  it('answers every query on the seeded network within the limits, as an ADMIN', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const esmee = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data.initiative.id;
    // Port 9 of the loopback (discard) refuses: deliveries to it fail and are retried, harmlessly.
    const hook = await server.client(admin).createWebhook({
      input: { organisationId: ids.get('ROMNL')!, url: 'http://127.0.0.1:9/queries' },
    });
    // The required arguments, from the reference network; everything else is left to its default.
    const required: Record<string, Record<string, unknown>> = {
      auditTrail: { initiativeId: esmee },
      initiative: { code: 'ESMEE' },
      organisation: { code: 'NOM' },
      apiKeys: { organisationId: ids.get('ROMNL') },
      neighbourhood: { organisationId: ids.get('NOM') },
      shortestPath: { fromId: ids.get('NOM'), toId: ids.get('LIOF') },
      evaluationIndicators: { years: [2024, 2027] },
      webhooks: { organisationId: ids.get('ROMNL') },
      webhookDeliveries: { webhookId: hook.webhook.id },
    };
    const client = server.client(admin);
    for (const field of Object.keys(queries) as (keyof typeof queries)[]) {
      // Through the typed method (client.query.<field>, the same as client.<field>): it throws on any error.
      const method = client.query[field] as (v: Record<string, unknown>) => Promise<unknown>;
      expect(await method(required[field] ?? {}), field).toBeDefined();
    }
  });

  it('answers every mutation through its typed method, as an ADMIN, in one story', async () => {
    const client = server.client(await server.token('ROMNL', Role.ADMIN));
    const called = new Set<string>();
    const mutate = new Proxy(client.mutate, {
      get: (target, field: string) => (called.add(field), target[field as keyof typeof target]),
    });
    const org = await mutate.createOrganisation({
      input: { code: 'SDK_ORG', name: 'SDK organisation', kind: 'COMPANY' },
    });
    expect(
      (await mutate.updateOrganisation({ input: { id: org.id, website: 'https://sdk.example.nl' } })).website,
    ).toBe('https://sdk.example.nl');
    const initiative = await mutate.createInitiative({
      input: {
        code: 'SDK_STORY',
        title: 'SDK story',
        leadOrganisationId: ids.get('ROMNL')!,
        themes: ['CLIMATE_ENERGY'],
      },
    });
    expect(
      (await mutate.updateInitiative({ input: { id: initiative.id, title: 'SDK story, renamed' } })).title,
    ).toBe('SDK story, renamed');
    const joined = await mutate.joinInitiative({
      input: { initiativeId: initiative.id, organisationId: org.id, role: 'PARTNER' },
    });
    expect(joined.role).toBe('PARTNER');
    const milestone = await mutate.addMilestone({
      input: { initiativeId: initiative.id, title: 'SDK milestone' },
    });
    expect(
      (
        await mutate.updateMilestone({
          input: { id: milestone.id, expectedVersion: milestone.version, status: 'DONE' },
        })
      ).status,
    ).toBe('DONE');
    expect(
      (
        await mutate.recordActivity({
          input: { kind: 'CONFERENCE', title: 'SDK day', occurredOn: '2026-11-30', organiserIds: [org.id] },
        })
      ).title,
    ).toBe('SDK day');
    expect(
      (
        await mutate.allocateFunding({
          input: { initiativeId: initiative.id, amountEur: 25_000, sourceLabel: 'SDK fund' },
        })
      ).amountEur,
    ).toBe(25_000);
    const outputRecorded = await mutate.recordOutput({
      input: { initiativeId: initiative.id, kind: 'REPORT', title: 'SDK report' },
    });
    expect(outputRecorded.title).toBe('SDK report');
    const partnership = await mutate.createPartnership({
      input: { fromId: org.id, toId: ids.get('NOM')!, kind: 'WORKS_WITH' },
    });
    expect((await mutate.endPartnership({ input: { id: partnership.id } })).id).toBe(partnership.id);
    expect(
      (await mutate.leaveInitiative({ input: { initiativeId: initiative.id, organisationId: org.id } })).id,
    ).toBe(joined.id);
    const key = await mutate.createApiKey({
      input: { organisationId: org.id, name: 'SDK key', scope: 'READ' },
    });
    expect(key.key).toMatch(/^rgk_/);
    expect(await mutate.revokeApiKey({ id: key.apiKey.id })).toBe(true);
    const follow = await mutate.follow({ input: { initiativeId: initiative.id } });
    expect(follow.id).toMatch(/./);
    expect(await mutate.unfollow({ id: follow.id })).toBe(true);
    // ROMNL leads the story: the milestone it added after its join is in the admin's inbox.
    const { viewer } = await client.request<
      { viewer: { notifications: { nodes: { id: string; cursor: string }[] } } },
      any
    >(`{ viewer { notifications(first: 1) { nodes { id cursor } } } }`);
    const [newest] = viewer.notifications.nodes;
    expect((await mutate.markNotificationRead({ id: newest!.id })).readAt).toEqual(expect.any(String));
    expect(await mutate.markNotificationsRead({ upTo: newest!.cursor })).toBeGreaterThanOrEqual(0);
    const created = await mutate.createWebhook({
      input: {
        organisationId: ids.get('ROMNL')!,
        url: 'http://127.0.0.1:9/story',
        eventTypes: ['MILESTONE_ADDED'],
      },
    });
    expect(created.secret).toMatch(/^whsec_/);
    await client.addMilestone({ input: { initiativeId: initiative.id, title: 'For the webhook' } });
    const failed = await eventually(async () => {
      const [delivery] = (await client.webhookDeliveries({ webhookId: created.webhook.id })).nodes;
      expect(delivery).toMatchObject({ status: 'FAILED' });
      return delivery!;
    }, 10_000);
    expect((await mutate.redeliverWebhookDelivery({ id: failed.id })).attempts).toBeGreaterThan(
      failed.attempts,
    );
    expect((await mutate.updateWebhook({ input: { id: created.webhook.id, active: false } })).active).toBe(
      false,
    );
    expect((await mutate.rotateWebhookSecret({ id: created.webhook.id })).secret).not.toBe(created.secret);
    expect(await mutate.deleteWebhook({ id: created.webhook.id })).toBe(true);
    expect([...called].sort()).toEqual(Object.keys(mutations).sort());
  });

  it('streams both plain subscriptions through client.subscribe with their generated documents', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const client = server.client(admin);
    const esmee = (await client.initiative({ code: 'ESMEE' }))!;
    const heard: string[] = [];
    const stops = [
      client.subscribe(
        subscriptions.partnerJoined.document,
        { initiativeId: esmee.id },
        {
          next: ({ data }) => void heard.push(`partner ${data?.partnerJoined.organisation?.code}`),
        },
      ),
      client.subscribe(
        subscriptions.milestoneChanged.document,
        { initiativeId: esmee.id },
        {
          next: ({ data }) => void heard.push(`milestone ${data?.milestoneChanged.milestone?.title}`),
        },
      ),
    ];
    await new Promise((r) => setTimeout(r, 300)); // both subscriptions registered (they start live from now)
    await client.addMilestone({ input: { initiativeId: esmee.id, title: 'Heard by subscribe' } });
    await client.joinInitiative({ input: { initiativeId: esmee.id, organisationId: ids.get('TNO')! } });
    await eventually(async () =>
      expect(heard.sort()).toEqual(['milestone Heard by subscribe', 'partner TNO']),
    );
    stops.forEach((stop) => stop());
  });
});
