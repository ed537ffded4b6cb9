import { createRomgraphClient, ServiceUnavailableError } from '../../client-sdk/src/index.js';
import { createDatabase } from '../../scripts/lib/postgres.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { createPgCluster, type PgCluster } from '../harness/pg-cluster.js';
import { TestSocket } from '../harness/ws.js';

// PostgreSQL goes away for a few seconds under reads and writes, on a cluster of the test's own. Every answer
// must be one a client can act on: 200, or 503 with Retry-After and SERVICE_UNAVAILABLE (each with a request id
// the log knows). A write acknowledged with 200 is there afterwards; one answered 503 is not. The server needs
// no help to recover, and recovers quickly: the first read and the first write sent after PostgreSQL is back are
// answered 200 within RECOVERY_MS of its return. The process never crashes: no uncaught exception or unhandled
// rejection, and /healthz (which needs no database) answers 200 throughout.
let cluster: PgCluster;
let server: TestServer;
const DATABASE = 'romgraph_outage';

const READ = `{ organisations(first: 5) { nodes { code name } } }`;
const CREATE = `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { code } }`;
const MAX_REQUESTS = 1_000;
const OUTAGE_MS = 3_000;
const RECOVERY_MS = 5_000;

interface Outcome {
  kind: 'read' | 'write';
  code?: string;
  phase: 'before' | 'outage' | 'after';
  sentAt: number;
  doneAt: number;
  status: number;
  retryAfter: string | null;
  requestId: string | null;
  body: {
    data?: any;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  cluster = await createPgCluster();
  await createDatabase(cluster.url('postgres'), DATABASE);
  // The app migrates on start; SEED_ON_START imports the reference network as the template build does.
  server = await startTestServer({ DATABASE_URL: cluster.url(DATABASE), SEED_ON_START: 'true' });
});
afterAll(async () => {
  await server?.close();
  await cluster?.destroy();
});

describe('a PostgreSQL outage', () => {
  it('is answered 200 or 503 with Retry-After, loses no acknowledged write, and is recovered from', async () => {
    const bom = await server.gql(`{ organisation(code: "BOM") { id } }`);
    const bomId = bom.data.organisation.id as string;
    const token = await server.token('BOM', Role.ADMIN);
    const outcomes: Outcome[] = [];
    const failures: string[] = [];
    let phase: Outcome['phase'] = 'before';
    let sent = 0;
    let stop = false;
    const hardStop = Date.now() + 22_000;
    // The app runs in this process: a crash would be an uncaught exception or an unhandled rejection here.
    const crashes: string[] = [];
    const onCrash = (err: unknown) =>
      crashes.push(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    // Liveness throughout: /healthz needs no database, so anything but 200 means the process is in trouble.
    const health: { at: number; status: number | string }[] = [];
    const probeHealth = async () => {
      while (!stop && Date.now() < hardStop) {
        const at = Date.now();
        const status = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
          (res) => res.status,
          (err: Error) => err.message,
        );
        health.push({ at, status });
        await sleep(100);
      }
    };

    const send = async (kind: Outcome['kind'], authenticated: boolean) => {
      const code = kind === 'write' ? `OUTAGE_${sent}` : undefined;
      sent++;
      const at = phase;
      const sentAt = Date.now();
      try {
        const res = await server
          .client(authenticated ? token : undefined)
          .execute(
            kind === 'write' ? CREATE : READ,
            kind === 'write'
              ? { input: { code, title: 'Written during an outage', leadOrganisationId: bomId } }
              : {},
            { signal: AbortSignal.timeout(10_000) },
          );
        outcomes.push({
          kind,
          code,
          phase: at,
          sentAt,
          doneAt: Date.now(),
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          requestId: res.requestId ?? null,
          body: { data: res.data, errors: res.errors },
        });
      } catch (err) {
        failures.push(`${kind} ${code ?? ''}: ${(err as Error).message}`);
      }
    };
    const worker = async (kind: Outcome['kind'], authenticated: boolean) => {
      while (!stop && sent < MAX_REQUESTS && Date.now() < hardStop) {
        await send(kind, authenticated);
        await sleep(40);
      }
    };
    const workers = [
      worker('write', true),
      worker('write', true),
      worker('read', false),
      worker('read', true),
      probeHealth(),
    ];

    await sleep(800);
    phase = 'outage';
    const stoppingAt = Date.now();
    await cluster.stop();
    const outageFrom = Date.now();
    // The SDK: a query that may not wait gets ServiceUnavailableError with Retry-After; one that may wait
    // asks again after each Retry-After until the database is back.
    const impatient = await createRomgraphClient({ url: `${server.url}/graphql`, retries: 0 })
      .organisations({ first: 5 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const attempts: { at: number; status: number; retryAfter: number }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      attempts.push({
        at: Date.now(),
        status: res.status,
        retryAfter: Number(res.headers.get('retry-after')),
      });
      return res;
    };
    const patient = createRomgraphClient({ url: `${server.url}/graphql`, fetch: recording, retries: 30 })
      .organisations({ first: 5 })
      .catch((e: unknown) => e);
    // A WebSocket that authenticates now must hear "try again later", not "bad credentials".
    const socket = await TestSocket.open(server.url);
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    const closed = await Promise.race([socket.closed, sleep(5_000).then(() => null)]);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageFrom)));
    await cluster.start();
    phase = 'after';
    const restartedAt = Date.now();

    // Recovered: reads and writes sent after the restart succeed again, within a bounded wait.
    const recovered = (kind: Outcome['kind']) =>
      outcomes.filter((o) => o.kind === kind && o.sentAt > restartedAt && o.status === 200).length >= 5;
    while (!(recovered('read') && recovered('write')) && Date.now() < hardStop) await sleep(100);
    stop = true;
    await Promise.all(workers);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);

    expect(impatient).toBeInstanceOf(ServiceUnavailableError);
    expect((impatient as ServiceUnavailableError).retryAfter).toBeGreaterThanOrEqual(1);
    expect((impatient as ServiceUnavailableError).status).toBe(503);
    expect((impatient as ServiceUnavailableError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    const waited = await patient;
    expect(waited, JSON.stringify(attempts)).toMatchObject({ nodes: expect.any(Array) });
    expect((waited as { nodes: unknown[] }).nodes).toHaveLength(5);
    expect(attempts.length, JSON.stringify(attempts)).toBeGreaterThanOrEqual(2);
    expect(attempts.at(-1)!.status).toBe(200);
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i - 1]!.status).toBe(503);
      // The next attempt was sent no sooner than the previous answer's Retry-After, so it came back later still.
      expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(
        attempts[i - 1]!.retryAfter * 1000 - 5,
      );
    }

    const summary = (list: Outcome[]) =>
      list.reduce<Record<string, number>>((acc, o) => {
        const key = `${o.kind} ${o.status}`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});
    expect(failures).toEqual([]);
    expect(closed?.code).toBe(1013);
    expect(server.logs.some((l) => l.startsWith('[ws] connection_init: the database is unavailable'))).toBe(
      true,
    );

    // The outage was real: both reads and writes met it.
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(
      unavailable.some((o) => o.kind === 'read'),
      JSON.stringify(summary(outcomes)),
    ).toBe(true);
    expect(
      unavailable.some((o) => o.kind === 'write'),
      JSON.stringify(summary(outcomes)),
    ).toBe(true);
    const before = outcomes.filter((o) => o.doneAt < stoppingAt);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((o) => o.status !== 200)).toEqual([]);

    for (const o of outcomes) {
      const where = `${o.kind} ${o.code ?? ''} (${o.phase}): ${o.status} ${JSON.stringify(o.body)}`;
      expect([200, 503], where).toContain(o.status);
      expect(o.requestId, where).toMatch(/^[0-9a-f-]{36}$/);
      if (o.status === 200) {
        expect(o.body.errors, where).toBeUndefined();
        continue;
      }
      expect(Number(o.retryAfter), where).toBeGreaterThanOrEqual(1);
      expect(o.body.errors!.length, where).toBeGreaterThan(0);
      for (const error of o.body.errors!) {
        expect(error.extensions?.code, where).toBe('SERVICE_UNAVAILABLE');
        expect(error.extensions?.requestId, where).toBe(o.requestId);
        expect(error.extensions?.retryAfter, where).toBe(Number(o.retryAfter));
        expect(error.message, where).toMatch(
          error.extensions?.outcome === 'UNKNOWN'
            ? /may or may not have been written/
            : /^The database is unavailable; retry after \d+ seconds$/,
        );
      }
      expect(
        server.logs.some((l) => l.includes(`request ${o.requestId}: the database is unavailable`)),
        where,
      ).toBe(true);
    }

    // Writes: every acknowledged one is there; none answered 503 is, except those whose COMMIT itself was
    // cut off, which say so (outcome UNKNOWN) and may have landed either way.
    const writes = outcomes.filter((o) => o.kind === 'write');
    const acknowledged = writes.filter((o) => o.status === 200).map((o) => o.code!);
    const unknown = writes
      .filter((o) => o.body.errors?.some((e) => e.extensions?.outcome === 'UNKNOWN'))
      .map((o) => o.code!);
    const refused = writes.filter((o) => o.status === 503 && !unknown.includes(o.code!)).map((o) => o.code!);
    expect(refused.length).toBeGreaterThan(0);
    const rows = await server.app.db.read<{ code: string }>(
      `SELECT code FROM initiatives WHERE code LIKE 'OUTAGE\\_%'`,
    );
    const present = new Set(rows.map((r) => r.code));
    expect(acknowledged.filter((c) => !present.has(c))).toEqual([]);
    expect(refused.filter((c) => present.has(c))).toEqual([]);
    expect([...present].filter((c) => !acknowledged.includes(c) && !unknown.includes(c))).toEqual([]);
    // Only a write in flight at the moment of shutdown can lose its COMMIT: at most one per writer.
    expect(unknown.length).toBeLessThanOrEqual(2);

    expect(recovered('read') && recovered('write')).toBe(true);
    // Recovered within RECOVERY_MS: the first 200 for a read and for a write sent after the restart.
    const recovery: string[] = [];
    for (const kind of ['read', 'write'] as const) {
      const after = outcomes.filter((o) => o.kind === kind && o.sentAt > restartedAt);
      const firstOk = Math.min(...after.filter((o) => o.status === 200).map((o) => o.doneAt));
      const timeline = after
        .slice(0, 12)
        .map((o) => `+${o.sentAt - restartedAt}..+${o.doneAt - restartedAt} ms ${o.status}`);
      recovery.push(`first ${kind} 200 at +${firstOk - restartedAt} ms`);
      expect(firstOk - restartedAt, `${kind}s after the restart: ${timeline.join(', ')}`).toBeLessThanOrEqual(
        RECOVERY_MS,
      );
    }
    console.info(`[test] PostgreSQL back: ${recovery.join(', ')}; ${JSON.stringify(summary(outcomes))}`);
    // Never crashed: the same process answered /healthz 200 before, during and after the outage.
    expect(crashes).toEqual([]);
    expect(health.filter((h) => h.at > outageFrom && h.at < restartedAt).length).toBeGreaterThan(0);
    expect(health.filter((h) => h.status !== 200)).toEqual([]);
    const last = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).slice(-3);
    expect(last('read').map((o) => o.status)).toEqual([200, 200, 200]);
    expect(last('write').map((o) => o.status)).toEqual([200, 200, 200]);
    expect(sent).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});
