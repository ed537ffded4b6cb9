/**
 * The live part of `npm run bench -- notifications`: every prepared person holds a personal live feed
 * (`Subscription.notifications`) on one server, in subscriber processes of their own, all resuming from one
 * cursor. A writer adds milestones to random initiatives at a steady rate. Then each person's inbox, read over
 * HTTP, says what they were owed: the bench counts what was lost, duplicated or extra, and the latency from an
 * event's occurredAt (its commit, within a millisecond) to its receipt.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  asker,
  graphql,
  milestoneWriter,
  headSeq,
  percentileOf,
  sleep,
} from '../lib/notifications-common.js';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { toGlobalId } from '../../server/infra/graphql/ids.js';
import type { FromInboxWorker, ToInboxWorker } from '../lib/inbox-subscribers.js';

const ask = asker<ToInboxWorker, FromInboxWorker>();

export interface LiveOptions {
  url: string;
  databaseUrl: string;
  /** One token per person. */
  tokens: string[];
  writerToken: string;
  rate: number;
  durationS: number;
  /** Seconds of writes before the measured ones (checked for loss, not timed): the first executions are cold. */
  warmupS: number;
  processes: number;
  /** The server's CPU time, µs, and RSS. */
  cpu: () => Promise<{ micros: number; rssBytes: number }>;
}

export interface LiveResult {
  subscribers: number;
  opened: number;
  events: number;
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  extra: number;
  outOfOrder: number;
  badMessages: number;
  closes: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuPercent: number;
  serverRssMB: number;
  subscriberLoopDelayP99: number;
  /** Per event: seq, deliveries, slowest delivery (ms). */
  perEvent: [number, number, number][];
}

const LIVE = `subscription ($after: String) { notifications(after: $after) { cursor reason event { occurredAt } } }`;
const INBOX = `query ($after: String) { viewer { notifications(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } nodes { cursor } } } }`;

const seqOf = (cursor: string) =>
  Number((JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[0]);

/** The seqs above `base` in one person's inbox, read page by page over HTTP. */
async function owed(url: string, token: string, base: number): Promise<number[]> {
  const seqs: number[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await graphql(url, token, INBOX, after ? { after } : {});
    const { nodes, pageInfo } = data.viewer.notifications as {
      nodes: { cursor: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    for (const n of nodes) {
      const seq = seqOf(n.cursor);
      if (seq <= base) return seqs;
      seqs.push(seq);
    }
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return seqs;
    after = pageInfo.endCursor;
  }
}

function perEvent(collected: Extract<FromInboxWorker, { type: 'collected' }>[]) {
  const merged = new Map<number, [number, number, number]>();
  for (const c of collected) {
    for (const [seq, n, max] of c.bySeq) {
      const m = merged.get(seq);
      if (m) {
        m[1] += n;
        m[2] = Math.max(m[2], max);
      } else merged.set(seq, [seq, n, max]);
    }
  }
  return merged.values();
}

export async function liveInboxes(options: LiveOptions): Promise<LiveResult> {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  const [{ head }] = (await db.query(`SELECT coalesce(max(seq), 0)::text AS head FROM events`)).rows;
  // Initiatives a milestone may go to: visible to the network, with a theme (so theme followers hear of it).
  const targets = (
    await db.query(
      `SELECT id FROM initiatives WHERE visibility IN ('PUBLIC', 'NETWORK') AND themes <> '{}'
        ORDER BY md5(id::text) LIMIT 2000`,
    )
  ).rows.map((r) => toGlobalId('Initiative', r.id as number));
  await db.end();
  const base = Number(head);
  const after = encodeCursor([head]);

  const entry = fileURLToPath(new URL('../lib/inbox-subscribers.ts', import.meta.url));
  const workers = Array.from({ length: options.processes }, () =>
    fork(entry, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const shares = workers.map((_, w) => options.tokens.filter((_, i) => i % options.processes === w));
  try {
    const began = Date.now();
    const opened = await Promise.all(
      workers.map((w, i) =>
        ask(
          w,
          { type: 'open', url: options.url, tokens: shares[i]!, after, query: LIVE, concurrency: 50 },
          'opened',
          600_000,
        ),
      ),
    );
    const ok = opened.reduce((n, r) => n + r.ok, 0);
    console.log(
      `[bench] ${ok.toLocaleString('en')} personal feeds open in ${((Date.now() - began) / 1000).toFixed(1)} s` +
        (ok < options.tokens.length ? `; failed: ${opened.flatMap((r) => r.errors).join('; ')}` : ''),
    );
    // Let every subscription become live (each loads its follows and participations once).
    await sleep(3000);

    const writer = milestoneWriter({
      url: options.url,
      token: options.writerToken,
      targets,
      rate: options.rate,
      title: 'Live inbox',
    });
    const write = writer.write;
    await write(options.warmupS, false);
    const measureFrom = await headSeq(options.databaseUrl);
    const cpuBefore = await options.cpu();
    const startedAt = Date.now();
    await write(options.durationS, true);
    const cpuAfter = await options.cpu();
    const busySeconds = (Date.now() - startedAt) / 1000;
    // Drain: until nothing new has arrived for two seconds (at most 30 s).
    let last = -1;
    for (let waited = 0; waited < 30_000; waited += 1000) {
      await sleep(1000);
      const progress = await Promise.all(workers.map((w) => ask(w, { type: 'progress' }, 'progress')));
      const delivered = progress.reduce((n, p) => n + p.deliveries, 0);
      const quietFor = Date.now() - Math.max(...progress.map((p) => p.lastAt));
      if (delivered === last && quietFor > 2000) break;
      last = delivered;
    }
    const collected = await Promise.all(workers.map((w) => ask(w, { type: 'collect' }, 'collected')));

    // What each person was owed: their inbox above the cursor everyone resumed from.
    let expected = 0;
    let lost = 0;
    let extra = 0;
    let next = 0;
    const check = async () => {
      while (next < options.tokens.length) {
        const i = next++;
        const w = i % options.processes;
        const received = new Set(collected[w]!.seqs[Math.floor(i / options.processes)] ?? []);
        const inbox = await owed(options.url, options.tokens[i]!, base);
        expected += inbox.length;
        for (const seq of inbox) if (!received.delete(seq)) lost++;
        extra += received.size;
      }
    };
    await Promise.all(Array.from({ length: 8 }, check));

    const measured: number[] = [];
    for (const c of collected) {
      c.latencies.forEach((latency, i) => {
        if (c.latencySeqs[i]! > measureFrom) measured.push(latency);
      });
    }
    const latencies = Float32Array.from(measured).sort();
    const closes: Record<string, number> = {};
    for (const c of collected)
      for (const [code, n] of Object.entries(c.closes)) closes[code] = (closes[code] ?? 0) + n;
    return {
      subscribers: options.tokens.length,
      opened: ok,
      events: writer.state.events,
      expected,
      delivered: latencies.length,
      lost,
      duplicated: collected.reduce((n, c) => n + c.duplicates, 0),
      extra,
      outOfOrder: collected.reduce((n, c) => n + c.outOfOrder, 0),
      badMessages: collected.reduce((n, c) => n + c.badMessages, 0),
      closes,
      p50: percentileOf(latencies, 50),
      p95: percentileOf(latencies, 95),
      p99: percentileOf(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1]! : NaN,
      serverCpuPercent: ((cpuAfter.micros - cpuBefore.micros) / 1e6 / busySeconds) * 100,
      serverRssMB: cpuAfter.rssBytes / 2 ** 20,
      subscriberLoopDelayP99: Math.max(...collected.map((c) => c.loopDelay.p99)),
      perEvent: [...perEvent(collected)].filter((e) => e[0] > measureFrom).sort((a, b) => a[0] - b[0]),
    };
  } finally {
    await Promise.all(workers.map((w) => ask(w, { type: 'close' }, 'closed', 10_000).catch(() => w.kill())));
  }
}
