import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/infra/auth/tokens.js';
import { Role } from '../../server/vocabulary.js';
import { sdkClient } from '../harness/app.js';
import { createTestDatabase } from '../harness/postgres.js';
import { spawnServer } from '../harness/server-process.js';

// The real process, signalled as an orchestrator does, under a steady write load: SIGTERM must drain, never
// answer 500, fail readiness while still serving, and lose no acknowledged write.
const SECRET = 'shutdown-test-secret-shutdown-test-secret-0123';
const GRACE_MS = 1500;
const WRITES_PER_SECOND = 250;
const MAX_WRITES = 2000;
const MAX_OUTSTANDING = 64;

let child: ChildProcess | undefined;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await drop?.();
});

/** What a request came to: an HTTP status, or the network error code of a refused or cut connection. */
interface Outcome {
  sent: number;
  at: number;
  status?: number;
  error?: string;
  body?: any;
}

async function attempt(fn: () => Promise<Response>): Promise<Outcome> {
  const sent = Date.now();
  try {
    const res = await fn();
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the failure message.
    }
    return { sent, at: Date.now(), status: res.status, body };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { sent, at: Date.now(), error: cause?.code ?? (err as Error).message };
  }
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status !== undefined ? String(o.status) : o.error!;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('SIGTERM', () => {
  it('fails readiness, keeps serving through the grace period, drains, loses no write and exits 0', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const server = await spawnServer({
      DATABASE_URL: database.url,
      JWT_SECRET: SECRET,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SHUTDOWN_TIMEOUT_MS: '5000',
    });
    child = server.child;
    const base = server.url;
    const { exited } = server;

    const token = await new TokenService(SECRET).sign(
      { subject: 'shutdown-test', organisationCode: 'ROMNL', role: Role.ADMIN },
      600,
    );
    // The writers are partners on the SDK; the readiness probes are a load balancer's plain GETs.
    const sdk = sdkClient(base, token);
    const initiative = (await sdk.initiative({ code: 'ESMEE' }))!.id;

    const ADD = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id title } }`;
    const write = async (title: string): Promise<Outcome & { title: string }> => {
      const sent = Date.now();
      try {
        const res = await sdk.execute(ADD, { input: { initiativeId: initiative, title } });
        return {
          sent,
          at: Date.now(),
          status: res.status,
          body: { data: res.data, errors: res.errors },
          title,
        };
      } catch (err) {
        // A NetworkError, caused by fetch's TypeError, caused by the socket's error.
        const socket = (err as { cause?: { cause?: { code?: string } } }).cause?.cause;
        return { sent, at: Date.now(), error: socket?.code ?? (err as Error).message, title };
      }
    };
    // Warm-up: the first requests of a fresh process compile their code paths.
    for (let i = 0; i < 20; i++) expect((await write(`Shutdown warm-up ${i}`)).status).toBe(200);

    const writes: Promise<Outcome & { title: string }>[] = [];
    const probes: Outcome[] = [];
    let outstanding = 0;
    let skipped = 0;
    let probing = false;
    let lastProbe = 0;
    let sigtermAt = 0;
    let refusedSince = 0;
    const began = Date.now();
    // Open loop at WRITES_PER_SECOND, but never more than MAX_OUTSTANDING at once: on a busy machine an
    // unbounded backlog would measure the machine, not the shutdown. Bounded in count and time; it ends once
    // the port has refused for a while.
    while (writes.length + skipped < MAX_WRITES && Date.now() - began < 20_000) {
      const elapsed = Date.now() - began;
      if (!sigtermAt && elapsed >= 1000) {
        sigtermAt = Date.now();
        child.kill('SIGTERM');
      }
      const due = Math.min(Math.floor((elapsed * WRITES_PER_SECOND) / 1000), MAX_WRITES);
      while (writes.length + skipped < due) {
        if (outstanding >= MAX_OUTSTANDING) {
          skipped++;
          continue;
        }
        outstanding++;
        writes.push(
          write(`Shutdown load ${writes.length}`).finally(() => {
            outstanding--;
          }),
        );
      }
      if (!probing && Date.now() - lastProbe >= 50) {
        probing = true;
        lastProbe = Date.now();
        void attempt(() => fetch(`${base}/readyz`)).then((o) => {
          probes.push(o);
          probing = false;
          if (o.error === 'ECONNREFUSED') refusedSince ||= o.at;
        });
      }
      if (refusedSince && Date.now() - refusedSince > 300) break;
      await new Promise((r) => setTimeout(r, 4));
    }
    const code = await exited;
    const writeOutcomes = await Promise.all(writes);
    while (probing) await new Promise((r) => setTimeout(r, 10));
    const probeOutcomes = [...probes];

    const summary = `writes ${JSON.stringify(tally(writeOutcomes))} (${skipped} not sent: ${MAX_OUTSTANDING} outstanding), readiness ${JSON.stringify(tally(probeOutcomes))}`;
    const log = server.log();
    const shutdownLog = log.split('\n').filter((line) => /\[http\] (SIGTERM|drained|stopped)/.test(line));
    console.info(`[test] ${summary}\n${shutdownLog.join('\n')}`);
    expect(code, log).toBe(0);
    expect(sigtermAt).toBeGreaterThan(0);

    // Only 200s, then (once the port closed) refused or cut connections, which a client retries elsewhere.
    const answered = writeOutcomes.filter((o) => o.status !== undefined);
    expect(answered.filter((o) => o.status !== 200).map((o) => [o.status, o.body])).toEqual([]);
    expect(answered.filter((o) => o.body?.errors || !o.body?.data?.addMilestone)).toEqual([]);
    const failed = [...writeOutcomes, ...probeOutcomes].filter((o) => o.error !== undefined);
    expect(
      failed.filter((o) => !['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(o.error!)),
    ).toEqual([]);
    // Nothing is refused during the grace period: new requests are still served while the balancer notices.
    expect(failed.filter((o) => o.at < sigtermAt + GRACE_MS * 0.9)).toEqual([]);
    expect(answered.filter((o) => o.sent > sigtermAt + 100).length).toBeGreaterThan(0);

    // Readiness: 200, then 503 "stopping", then the port closes; never anything else.
    const sequence = probeOutcomes.map((o) => o.status ?? o.error);
    const first503 = sequence.indexOf(503);
    const firstFailed = sequence.findIndex((s) => typeof s === 'string');
    expect(first503, JSON.stringify(sequence)).toBeGreaterThan(0);
    expect(firstFailed, JSON.stringify(sequence)).toBeGreaterThan(first503);
    expect(sequence.slice(0, first503).every((s) => s === 200)).toBe(true);
    expect(sequence.slice(first503, firstFailed).every((s) => s === 503)).toBe(true);
    expect(sequence.slice(firstFailed).every((s) => typeof s === 'string')).toBe(true);
    expect(probeOutcomes[first503]!.body).toEqual({ status: 'stopping' });

    // Every acknowledged write is in the database.
    const acknowledged = answered.map((o) => o.title);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ title: string }>(
        `SELECT title FROM milestones WHERE title = ANY($1)`,
        [acknowledged],
      );
      const stored = new Set(rows.map((r) => r.title));
      expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
