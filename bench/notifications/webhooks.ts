/**
 * The webhook part of `npm run bench -- notifications`: many webhooks of network organisations, every event type,
 * each following one theme (or none: then every webhook is owed every event), pointing at one local receiver
 * process (bench/lib/webhook-receivers.ts); a share of them at an endpoint that never answers. A writer adds
 * milestones to public initiatives at a steady rate. The bench counts, for the answering webhooks, what was
 * lost, duplicated or out of order, and the latency from the event's occurredAt to its receipt.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { asker, graphql, milestoneWriter, percentileOf, sleep } from '../lib/notifications-common.js';
import { toGlobalId } from '../../server/infra/graphql/ids.js';
import { Theme } from '../../server/vocabulary.js';
import type { FromReceiver, ToReceiver } from '../lib/webhook-receivers.js';

const ask = asker<ToReceiver, FromReceiver>();

export interface WebhookBenchOptions {
  url: string;
  databaseUrl: string;
  adminToken: string;
  webhooks: number;
  /** Share of the webhooks whose endpoint never answers (0..1). */
  hanging: number;
  /**
   * `theme`: webhook n follows one theme (the n-th of seven), as a partner system interested in its field would,
   * so an event reaches the webhooks of its initiative's themes. `none`: every webhook is owed every event.
   */
  filter: 'theme' | 'none';
  rate: number;
  durationS: number;
  warmupS: number;
  cpu: () => Promise<{ micros: number; rssBytes: number }>;
}

export interface WebhookBenchResult {
  filter: 'theme' | 'none';
  rate: number;
  webhooks: number;
  hanging: number;
  events: number;
  /** Writes the API refused or failed (the writer shares the server with the deliverer). */
  failedWrites: number;
  owed: number;
  delivered: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  signaturesChecked: number;
  signaturesBad: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuPercent: number;
  serverRssMB: number;
}

const CREATE_WEBHOOK =
  'mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }';
const PER_ORGANISATION = 20;
const THEMES = Object.values(Theme);
const themeOf = (n: number) => THEMES[n % THEMES.length]!;

/** The receiver process (bench/lib/webhook-receivers.ts), listening on 127.0.0.1; `ask` drives it. */
export async function startReceiver(): Promise<{ receiver: ChildProcess; receiverUrl: string }> {
  const receiver = fork(fileURLToPath(new URL('../lib/webhook-receivers.ts', import.meta.url)), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { url: receiverUrl } = await ask(receiver, { type: 'listen' }, 'listening');
  return { receiver, receiverUrl };
}

/** Stops the receiver process (killed if it does not answer). */
export async function stopReceiver(receiver: ChildProcess): Promise<void> {
  await ask(receiver, { type: 'close' }, 'closed', 10_000).catch(() => receiver.kill());
}

/** Removes the webhooks the benchmarks registered (every one pointing at 127.0.0.1). */
export async function removeBenchWebhooks(db: pg.Client): Promise<void> {
  await db.query(`DELETE FROM webhooks WHERE url LIKE 'http://127.0.0.1:%'`);
}

/**
 * Registers `webhooks` webhooks through the API (createWebhook as ADMIN), 20 per network organisation, webhook
 * n at `<receiver>/ok/<n>`, or `/hang/<n>` for the first `hangingCount`; `filter: 'theme'` has webhook n follow
 * the n-th theme of seven. Hands their secrets to the receiver, which checks a sample of the signatures.
 */
export async function registerWebhooks(options: {
  url: string;
  adminToken: string;
  db: pg.Client;
  receiver: ChildProcess;
  receiverUrl: string;
  webhooks: number;
  hangingCount: number;
  filter: 'theme' | 'none';
  /** Empty: every event type. */
  eventTypes?: string[];
}): Promise<void> {
  const organisations = (
    await options.db.query(`SELECT id FROM organisations WHERE kind <> 'COMPANY' ORDER BY id LIMIT $1`, [
      Math.ceil(options.webhooks / PER_ORGANISATION),
    ])
  ).rows.map((r) => toGlobalId('Organisation', r.id as number));
  const secrets: Record<number, string> = {};
  let next = 0;
  const create = async () => {
    while (next < options.webhooks) {
      const n = next++;
      const path = n < options.hangingCount ? 'hang' : 'ok';
      const data = await graphql(options.url, options.adminToken, CREATE_WEBHOOK, {
        input: {
          organisationId: organisations[Math.floor(n / PER_ORGANISATION)],
          url: `${options.receiverUrl}/${path}/${n}`,
          eventTypes: options.eventTypes ?? [],
          ...(options.filter === 'theme' ? { filter: { themes: [themeOf(n)] } } : {}),
        },
      });
      secrets[n] = data.createWebhook.secret as string;
    }
  };
  await Promise.all(Array.from({ length: 8 }, create));
  await ask(options.receiver, { type: 'secrets', secrets }, 'secrets');
}

export async function webhookDeliveries(options: WebhookBenchOptions): Promise<WebhookBenchResult> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const { receiver, receiverUrl } = await startReceiver();
  try {
    await removeBenchWebhooks(db);
    const hangingCount = Math.round(options.webhooks * options.hanging);
    const began = Date.now();
    await registerWebhooks({
      url: options.url,
      adminToken: options.adminToken,
      db,
      receiver,
      receiverUrl,
      webhooks: options.webhooks,
      hangingCount,
      filter: options.filter,
    });
    console.log(
      `[bench] ${options.webhooks.toLocaleString('en')} webhooks (${hangingCount} never answering) made in ${((Date.now() - began) / 1000).toFixed(1)} s`,
    );
    const targets = (
      await db.query(
        `SELECT id FROM initiatives WHERE visibility = 'PUBLIC' ORDER BY md5(id::text) LIMIT 1000`,
      )
    ).rows.map((r) => toGlobalId('Initiative', r.id as number));
    const head = async () =>
      Number((await db.query(`SELECT coalesce(max(seq), 0)::text AS head FROM events`)).rows[0].head);
    const base = await head();

    const writer = milestoneWriter({
      url: options.url,
      token: options.adminToken,
      targets,
      rate: options.rate,
      title: 'Webhook',
    });
    const write = writer.write;
    await write(options.warmupS, false);
    const measureFrom = await head();
    const cpuBefore = await options.cpu();
    const startedAt = Date.now();
    await write(options.durationS, true);
    const cpuAfter = await options.cpu();
    const busySeconds = (Date.now() - startedAt) / 1000;
    const end = await head();
    // Drain: until nothing new has arrived for two seconds (at most 60 s).
    let last = -1;
    for (let waited = 0; waited < 60_000; waited += 1000) {
      await sleep(1000);
      const progress = await ask(receiver, { type: 'progress' }, 'progress');
      if (progress.received === last && Date.now() - progress.lastAt > 2000) break;
      last = progress.received;
    }
    const collected = await ask(receiver, { type: 'collect' }, 'collected');
    // Every event of the run is a milestone of a public initiative: owed to every webhook its filter lets through.
    const ran = (
      await db.query(
        `SELECT e.seq::text, i.themes FROM events e JOIN initiatives i ON i.id = e.initiative_id
          WHERE e.seq > $1 AND e.seq <= $2 ORDER BY e.seq`,
        [base, end],
      )
    ).rows.map((r) => ({ seq: Number(r.seq), themes: r.themes as string[] }));
    let owed = 0;
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    for (let n = hangingCount; n < options.webhooks; n++) {
      const got = collected.seqs[n] ?? [];
      const distinct = new Set(got);
      duplicated += got.length - distinct.size;
      for (let i = 1; i < got.length; i++) if (got[i]! < got[i - 1]!) outOfOrder++;
      for (const { seq, themes } of ran) {
        if (options.filter === 'theme' && !themes.includes(themeOf(n))) continue;
        owed++;
        if (!distinct.has(seq)) lost++;
      }
    }
    const measured: number[] = [];
    collected.latencies.forEach((latency, i) => {
      if (collected.latencySeqs[i]! > measureFrom) measured.push(latency);
    });
    const latencies = Float32Array.from(measured).sort();
    return {
      filter: options.filter,
      rate: options.rate,
      webhooks: options.webhooks,
      hanging: hangingCount,
      events: writer.state.events,
      failedWrites: writer.state.failures,
      owed,
      delivered: collected.latencies.length,
      lost,
      duplicated,
      outOfOrder,
      signaturesChecked: collected.signaturesChecked,
      signaturesBad: collected.signaturesBad,
      p50: percentileOf(latencies, 50),
      p95: percentileOf(latencies, 95),
      p99: percentileOf(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1]! : NaN,
      serverCpuPercent: ((cpuAfter.micros - cpuBefore.micros) / 1e6 / busySeconds) * 100,
      serverRssMB: cpuAfter.rssBytes / 2 ** 20,
    };
  } finally {
    await removeBenchWebhooks(db).catch(() => {});
    await db.end();
    await stopReceiver(receiver);
  }
}
