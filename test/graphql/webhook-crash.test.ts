import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/infra/auth/tokens.js';
import { Role } from '../../server/vocabulary.js';
import { sdkClient, startTestServer, type TestServer } from '../harness/app.js';
import { eventually, organisationIds } from '../harness/graph.js';
import { createTestDatabase } from '../harness/postgres.js';
import { spawnServer } from '../harness/server-process.js';
import { startReceiver, type Receiver } from '../harness/webhook-receiver.js';

// An instance killed (SIGKILL) in the middle of a webhook delivery: once its lease runs out, another instance
// delivers the same event again with the same webhook-id, and then the rest in order.
const SECRET = 'webhook-crash-secret-webhook-crash-secret-0123';
let child: ChildProcess | undefined;
let other: TestServer | undefined;
let receiver: Receiver | undefined;
let drop: (() => Promise<void>) | undefined;

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await other?.close();
  await receiver?.close();
  await drop?.();
});

describe('a crash mid-delivery', () => {
  it('is redelivered by another instance with the same webhook-id once the lease runs out', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const server = await spawnServer({
      DATABASE_URL: database.url,
      JWT_SECRET: SECRET,
      EVENTS_POLL_MS: '100',
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '2500',
      WEBHOOK_LEASE_MS: '3000',
      GRAPH_WARM_METRICS: 'false',
    });
    child = server.child;
    const tokens = new TokenService(SECRET);
    const sign = (org: string) =>
      tokens.sign({ subject: `crash-${org}`, organisationCode: org, role: Role.EDITOR }, 600);
    const base = server.url;
    const bom = sdkClient(base, await sign('BOM'));
    const nom = sdkClient(base, await sign('NOM'));

    receiver = await startReceiver();
    let first = true;
    // The first request is never answered: the instance dies waiting for it.
    receiver.answer = () => (first ? ((first = false), { delayMs: 60_000 }) : {});
    const ids = await organisationIds({ gql: (q: string) => bom.execute(q) } as unknown as TestServer);
    const { webhook } = await bom.createWebhook({
      input: { organisationId: ids.get('BOM')!, url: receiver.url, eventTypes: ['MILESTONE_ADDED'] },
    });
    const initiative = await nom.createInitiative({
      input: {
        code: 'CRASHED',
        title: 'Crashed',
        leadOrganisationId: ids.get('NOM')!,
        visibility: 'NETWORK',
      },
    });
    await nom.addMilestone({ input: { initiativeId: initiative.id, title: 'in flight' } });
    await eventually(async () => expect(receiver!.received).toHaveLength(1), 10_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    // Another instance on the same database, with nothing handed over but the database.
    other = await startTestServer({ WEBHOOK_POLL_MS: '100', EVENTS_POLL_MS: '100', JWT_SECRET: SECRET }, {
      databaseUrl: database.url,
    } as TestServer);
    await other
      .client(await sign('NOM'))
      .addMilestone({ input: { initiativeId: initiative.id, title: 'after' } });
    await eventually(async () => expect(receiver!.received).toHaveLength(3), 15_000);
    const [inFlight, again, after] = receiver.received.map((r) => ({
      id: r.headers['webhook-id'],
      title: JSON.parse(r.body).data.payload.title,
    }));
    expect(again).toEqual(inFlight);
    expect(inFlight!.title).toBe('in flight');
    expect(after!.title).toBe('after');
    // Successes are written in bulk a few times a second.
    await eventually(async () => {
      const log = await other!.client(await sign('BOM')).webhookDeliveries({ webhookId: webhook.id });
      expect(log.nodes.map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    });
  }, 60_000);
});
