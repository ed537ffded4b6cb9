import { createHmac, timingSafeEqual } from 'node:crypto';
import { sample } from '../harness/metrics.js';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOG_LOCK_KEY } from '../../server/live/index.js';
import { Role } from '../../server/vocabulary.js';
import { caught, startTestServer, type TestServer } from '../harness/app.js';
import { eventually, organisationIds } from '../harness/graph.js';
import { startReceiver, type Received, type Receiver } from '../harness/webhook-receiver.js';

// Webhooks against real servers and real HTTP receivers on 127.0.0.1: signatures checked with an implementation
// of the Standard Webhooks scheme of this test's own (node:crypto, not the server's library), order and retries,
// one delivery per event across two instances, and the outbound guard (no private address, no redirect).
let a: TestServer;
let b: TestServer;
let ids: Map<string, string>;
let bom: string;
let nom: string;
let initiativeId: string;
const receivers: Receiver[] = [];
const ENV = {
  EVENTS_POLL_MS: '100',
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_TIMEOUT_MS: '2000',
};

beforeAll(async () => {
  a = await startTestServer(ENV);
  ids = await organisationIds(a);
  bom = await a.token('BOM', Role.EDITOR);
  nom = await a.token('NOM', Role.EDITOR);
  initiativeId = (
    await a.client(nom).createInitiative({
      input: { code: 'HOOKED', title: 'Hooked', leadOrganisationId: ids.get('NOM')!, visibility: 'NETWORK' },
    })
  ).id;
});
afterEach(async () => {
  // Each test's webhooks go with it, so the next one starts quiet.
  await a.app.db.transaction((tx) => tx.query(`DELETE FROM webhooks`));
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await b?.close();
  await a?.close();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

const milestone = (title: string, server: TestServer = a) =>
  server.client(nom).addMilestone({ input: { initiativeId, title } });

async function hook(url: string, eventTypes: string[] = ['MILESTONE_ADDED']) {
  return a.client(bom).createWebhook({
    input: { organisationId: ids.get('BOM')!, url, eventTypes: eventTypes as never },
  });
}

/** Standard Webhooks, by hand: HMAC-SHA256 of `id.timestamp.body` with the secret's bytes, base64. */
function verify(secret: string, request: Received): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
  return String(request.headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, signature] = part.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const titles = (r: Receiver) => r.received.map((req) => JSON.parse(req.body).data.payload.title as string);

describe('webhooks', () => {
  it('delivers signed events in order, each with its cursor as webhook-id', async () => {
    const r = await receiver();
    const { secret, webhook } = await hook(r.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({ url: r.url, eventTypes: ['MILESTONE_ADDED'], active: true });
    for (const t of ['one', 'two', 'three']) await milestone(t);

    await eventually(async () => expect(r.received).toHaveLength(3), 10_000);
    expect(titles(r)).toEqual(['one', 'two', 'three']);
    for (const request of r.received) {
      expect(verify(secret, request)).toBe(true);
      // And by the reference implementation of the scheme (the standardwebhooks package), as receivers do.
      expect(() =>
        new StandardWebhook(secret).verify(request.body, request.headers as Record<string, string>),
      ).not.toThrow();
      const body = JSON.parse(request.body);
      // Enough to show without asking: what it concerns, by code and title, and who did it.
      expect(body).toMatchObject({
        type: 'MILESTONE_ADDED',
        data: {
          type: 'MILESTONE_ADDED',
          initiative: { code: 'HOOKED', title: 'Hooked' },
          milestone: { title: body.data.payload.title },
          actor: { code: 'NOM' },
        },
      });
      expect(request.headers['webhook-id']).toBe(body.data.cursor);
      expect(Math.abs(Number(request.headers['webhook-timestamp']) * 1000 - Date.now())).toBeLessThan(60_000);
      // A tampered body fails the check.
      expect(verify(secret, { ...request, body: request.body.replace('MILESTONE', 'MILESTONF') })).toBe(
        false,
      );
    }
    // Successes are written in bulk a few times a second.
    const log = await eventually(async () => {
      const found = await a.client(bom).webhookDeliveries({ webhookId: webhook.id });
      expect(found.nodes.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual([
        ['SUCCEEDED', 1, 200],
        ['SUCCEEDED', 1, 200],
        ['SUCCEEDED', 1, 200],
      ]);
      return found;
    });
    expect(log.nodes.every((d) => typeof d.latencyMs === 'number')).toBe(true);
  });

  it('retries a receiver that is down, and every event arrives in order, the failed one with the same webhook-id', async () => {
    const r = await receiver();
    let failures = 4;
    r.answer = () => (failures-- > 0 ? { status: 503 } : {});
    const { webhook } = await hook(r.url);
    for (const t of ['r1', 'r2', 'r3']) await milestone(t);
    await eventually(
      async () => expect(titles(r).filter((t, i, all) => all.indexOf(t) === i)).toEqual(['r1', 'r2', 'r3']),
      15_000,
    );
    await eventually(async () =>
      expect(r.received.at(-1) && JSON.parse(r.received.at(-1)!.body).data.payload.title).toBe('r3'),
    );
    // The first four tries were all of r1, with one webhook-id; nothing after it went before it was taken.
    const first = r.received.slice(0, 5);
    expect(first.map((q) => JSON.parse(q.body).data.payload.title)).toEqual(['r1', 'r1', 'r1', 'r1', 'r1']);
    expect(new Set(first.map((q) => q.headers['webhook-id'])).size).toBe(1);
    // Backoff: later retries waited longer than earlier ones (base 100 ms, doubling with jitter).
    const gaps = first.slice(1).map((q, i) => q.at - first[i]!.at);
    expect(gaps.at(-1)!).toBeGreaterThan(300);
    await eventually(async () => {
      const log = await a.client(bom).webhookDeliveries({ webhookId: webhook.id });
      expect(log.nodes.at(-1)).toMatchObject({ status: 'SUCCEEDED', attempts: 5, responseStatus: 200 });
    }); // The metrics count every attempt by its outcome.
    const text = await a.app.metrics!.text();
    expect(sample(text, 'romgraph_webhook_deliveries_total', { outcome: 'failed' })).toBeGreaterThanOrEqual(
      4,
    );
    expect(
      sample(text, 'romgraph_webhook_deliveries_total', { outcome: 'delivered' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('keeps a webhook at the head in step while another catches up from far behind', async () => {
    // A webhook restored with its cursor at the start of the log has more to read than one round takes
    // (500 events): such rounds stop short of the head, and a webhook at the head must not be moved back.
    await a.app.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK_KEY]);
      await tx.query(
        `INSERT INTO events (seq, type, payload)
         SELECT nextval('events_seq_seq'), 'ACTIVITY_RECORDED', '{}' FROM generate_series(1, 1500)`,
      );
    });
    const [{ n }] = (await a.app.db.read(`SELECT count(*)::int AS n FROM events`)) as [{ n: number }];
    expect(n).toBeGreaterThan(1500);
    const current = await receiver();
    const { webhook } = await hook(current.url);
    await milestone('before the restore');
    await eventually(async () => expect(titles(current)).toEqual(['before the restore']));
    const behind = await receiver();
    behind.answer = () => ({ delayMs: 2 }); // so that its catching up spans several rounds
    await a.app.db.transaction((tx) =>
      tx.query(
        `INSERT INTO webhooks (organisation_id, url, event_types, secret, cursor_seq)
         SELECT organisation_id, $2, '{}', secret, 0 FROM webhooks WHERE id = $1`,
        [Number(Buffer.from(webhook.id, 'base64url').toString().split(':')[1]), behind.url],
      ),
    );
    a.app.services.webhookDeliverer.wake(true);
    // Events keep coming while the restored one catches up, so the one at the head is behind now and then.
    const after = Array.from({ length: 40 }, (_, i) => `after ${i}`);
    for (const t of after) {
      await milestone(t);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await eventually(async () => expect(behind.received.length).toBeGreaterThan(1500), 30_000);
    await eventually(async () => expect(titles(current)).toHaveLength(41));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Each once, in order: nothing sent again.
    expect(titles(current)).toEqual(['before the restore', ...after]);
  });

  it('delivers each event once across two instances on one database', async () => {
    b ??= await startTestServer(ENV, a);
    const r = await receiver();
    await hook(r.url);
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) {
      sent.push(`both ${i}`);
      await milestone(`both ${i}`, i % 2 ? b : a);
    }
    await eventually(async () => expect(r.received.length).toBeGreaterThanOrEqual(12), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(titles(r)).toEqual(sent);
    expect(new Set(r.received.map((q) => q.headers['webhook-id'])).size).toBe(12);
  });

  it('refuses a private address before connecting, at registration and at delivery', async () => {
    for (const url of [
      'http://10.0.0.1/hook',
      'http://192.168.1.10/hook',
      'http://169.254.169.254/latest',
      'http://[fd00::1]/x',
    ]) {
      const error = await caught(hook(url));
      expect(error.code, url).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/may not reach/);
    }
    // One that got in another way (an operator's row, changed with its updated_at as every change of a webhook
    // is) is refused when delivered: no packet leaves.
    const { webhook } = await hook((await receiver()).url);
    await a.app.db.transaction((tx) =>
      tx.query(`UPDATE webhooks SET url = 'http://10.9.8.7:9/hook', updated_at = now() WHERE id = $1`, [
        Number(Buffer.from(webhook.id, 'base64url').toString().split(':')[1]),
      ]),
    );
    await milestone('to nowhere');
    await eventually(async () => {
      const log = await a.client(bom).webhookDeliveries({ webhookId: webhook.id });
      expect(log.nodes[0]).toMatchObject({ status: 'FAILED', responseStatus: null });
      expect(log.nodes[0]!.error).toMatch(/^refused: 10\.9\.8\.7 resolves to 10\.9\.8\.7 \(private\)/);
    }, 10_000);
  });

  it('follows no redirect, and a slow endpoint does not hold up another', async () => {
    const target = await receiver();
    const redirecting = await receiver();
    redirecting.answer = () => ({ status: 302, headers: { location: target.url } });
    const slow = await receiver();
    slow.answer = () => ({ delayMs: 5_000 });
    const fast = await receiver();
    const { webhook: redirected } = await hook(redirecting.url);
    await hook(slow.url);
    await hook(fast.url);
    const before = Date.now();
    await milestone('fan out');
    await eventually(async () => expect(fast.received).toHaveLength(1), 5_000);
    expect(Date.now() - before).toBeLessThan(1_500);
    await eventually(async () => expect(redirecting.received.length).toBeGreaterThan(0));
    await eventually(async () => {
      const log = await a.client(bom).webhookDeliveries({ webhookId: redirected.id });
      expect(log.nodes[0]).toMatchObject({ status: 'FAILED', responseStatus: 302 });
    });
    expect(target.received).toEqual([]);
  });

  it('disables a webhook at once on 410, with an event only its organisation’s editors see', async () => {
    const gone = await receiver();
    gone.answer = () => ({ status: 410 });
    const { webhook } = await hook(gone.url);
    await milestone('into the void');
    await eventually(async () => {
      const [listed] = (await a.client(bom).webhooks({ organisationId: ids.get('BOM')! })).nodes;
      expect(listed).toMatchObject({ id: webhook.id, active: false });
      expect(listed!.disabledReason).toMatch(/410 Gone/);
    }, 10_000);
    const QUERY = `{ events(first: 100, filter: { types: [WEBHOOK_DISABLED] }) { nodes { payload } } }`;
    const seen = async (token: string) =>
      (await a.client(token).request<{ events: { nodes: { payload: any }[] } }, any>(QUERY)).events.nodes.map(
        (e) => e.payload.webhookId,
      );
    expect(await seen(bom)).toContain(webhook.id);
    expect(await seen(await a.token('BOM', Role.VIEWER))).not.toContain(webhook.id);
    expect(await seen(nom)).not.toContain(webhook.id);
    expect(gone.received).toHaveLength(1);
    // Instance b runs since the two-instance test, and whichever instance took the delivery counted its outcome.
    let disabled = 0;
    for (const server of [a, b]) {
      if (server)
        disabled +=
          sample(await server.app.metrics!.text(), 'romgraph_webhook_deliveries_total', {
            outcome: 'disabled',
          }) ?? 0;
    }
    expect(disabled).toBeGreaterThanOrEqual(1);
  });

  it('delivers only what its organisation may see, and only to its editors to manage', async () => {
    const r = await receiver();
    const { webhook } = await hook(r.url);
    const secret = await a.client(nom).createInitiative({
      input: {
        code: 'HOOK_SECRET',
        title: 'Secret',
        leadOrganisationId: ids.get('NOM')!,
        visibility: 'PARTICIPANTS',
      },
    });
    await a.client(nom).addMilestone({ input: { initiativeId: secret.id, title: 'hidden from BOM' } });
    await milestone('visible to BOM');
    await eventually(async () => expect(titles(r)).toEqual(['visible to BOM']), 10_000);
    expect((await caught(a.client(nom).webhookDeliveries({ webhookId: webhook.id }))).code).toBe('NOT_FOUND');
    expect(
      (await caught(a.client(await a.token('BOM', Role.VIEWER)).deleteWebhook({ id: webhook.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses more than 20 webhooks per organisation, and huge filters', async () => {
    const r = await receiver();
    for (let i = 0; i < 20; i++) await hook(`${r.url}?n=${i}`);
    const more = await caught(hook(`${r.url}?n=20`));
    expect(more.code).toBe('BAD_USER_INPUT');
    expect(more.message).toMatch(/20 webhooks/);
    await a.app.db.transaction((tx) => tx.query(`DELETE FROM webhooks`));
    const huge = await caught(
      a.client(bom).createWebhook({
        input: {
          organisationId: ids.get('BOM')!,
          url: r.url,
          filter: { initiativeIds: Array.from({ length: 101 }, () => initiativeId) },
        },
      }),
    );
    expect(huge.code).toBe('BAD_USER_INPUT');
  });

  it('redelivers a delivery with the same webhook-id, and rotates the secret with an overlap', async () => {
    const r = await receiver();
    const { secret, webhook } = await hook(r.url);
    await milestone('once more');
    await eventually(async () => expect(r.received).toHaveLength(1), 10_000);
    const rotated = await a.client(bom).rotateWebhookSecret({ id: webhook.id });
    expect(rotated.secret).not.toBe(secret);
    const delivery = await eventually(async () => {
      const [found] = (await a.client(bom).webhookDeliveries({ webhookId: webhook.id })).nodes;
      expect(found).toBeDefined();
      return found;
    });
    const again = await a.client(bom).redeliverWebhookDelivery({ id: delivery!.id });
    expect(again).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    // Signed with both secrets during the overlap.
    expect(String(r.received[1]!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, r.received[1]!)).toBe(true);
    expect(verify(secret, r.received[1]!)).toBe(true);
    for (const key of [secret, rotated.secret]) {
      const { body, headers } = r.received[1]!;
      expect(() => new StandardWebhook(key).verify(body, headers as Record<string, string>)).not.toThrow();
    }
    expect(await a.client(bom).deleteWebhook({ id: webhook.id })).toBe(true);
  });
});
