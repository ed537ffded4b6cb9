/**
 * npm run bench -- fanout: how fast live events reach WebSocket subscribers (see bench/README.md).
 *
 *  - one instance: 5,000 anonymous subscribers to one `events` subscription (one cohort), a writer adding a
 *    milestone 2 times a second for 60 s; latency from the event's `occurredAt` to receipt, losses,
 *    duplicates, order, the server's RSS and CPU;
 *  - two instances: the same subscribers split over two servers on one database with Redis wake-ups, the
 *    writer on the first;
 *  - ramp: one instance, the event rate raised step by step until p99 passes a limit;
 *  - catch-up: a subscriber resuming 10,000 events behind (`after: <cursor>`), timed to its 10,000th event.
 *
 * Servers and subscribers run in child processes of their own (bench/servers/romgraph.ts,
 * bench/lib/fanout-subscribers.ts); the writer runs here. Everything is on 127.0.0.1.
 */
// The server's cursor code below declares GraphQL types: decorator metadata first.
import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClient } from 'redis';
import WebSocket from 'ws';
import { cpuBetween, snapshot, type CpuSnapshot } from './lib/cpu.js';
import type { FromWorker, StepShare, ToWorker } from './lib/fanout-subscribers.js';
import { percentile } from './lib/load.js';
import {
  BENCH_DIR,
  RESULTS_DIR,
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
  type Machine,
} from './lib/report.js';
import { TokenService } from '../server/infra/auth/tokens.js';
import { encodeCursor } from '../server/infra/graphql/connection.js';
import { seqOfCursor } from '../server/live/event-log.js';
import { Role } from '../server/vocabulary.js';
import { parseCli } from './lib/cli.js';
import { createDatabase, databaseExists, databaseNameOf, dropDatabase } from '../scripts/lib/postgres.js';
import { startServer, type ServerProcess } from './lib/servers.js';

const SCENARIOS = ['one', 'two', 'ramp', 'catchup'] as const;
type Scenario = (typeof SCENARIOS)[number];

const USAGE = `Usage: npm run bench -- fanout [options]

  --scenarios LIST     one,two,ramp,catchup (default all)
  --subscribers N      WebSocket subscribers (default 5000)
  --workers N          processes the subscribers are spread over (default 2)
  --rate R             events per second of the one- and two-instance runs (default 2)
  --duration S         seconds of writing in those runs (default 60)
  --warmup S           seconds of writing before measuring, at the same rate (default 5)
  --ramp-rates LIST    events per second of the ramp's steps (default 2,5,10,20,40,80)
  --ramp-step S        seconds per ramp step (default 15)
  --ramp-limit MS      the ramp stops after the first step whose p99 passes this (default 250)
  --catchup N          events the catch-up subscriber is behind (default 10000)
  --catchup-runs N     times it catches up (default 3)
  --drain S            most seconds to wait for deliveries after the writer stops (default 10)
  --database URL       database to (re)create (default postgres://postgres@127.0.0.1:5432/romgraph_fanout)
  --keep-database      reuse it instead of dropping and recreating it
  --redis-url URL      Redis of the two-instance run (default redis://127.0.0.1:6379)
  --initiative CODE    PUBLIC initiative the writer adds milestones to (default ESMEE)
  --pool-size N        PostgreSQL pool size of each server (default 10)
  --timeout MIN        stop everything after this many minutes (default 30)
  --compiled           run the servers as compiled JavaScript on plain node, as the Docker image does
                       (built with tsc into <tmpdir>/romgraph-fanout-build first), instead of through tsx
  --server-node-args A extra Node flags for the servers, e.g. "--max-semi-space-size=32" (one string)
  --cpu-prof           profile the servers (node --cpu-prof); the .cpuprofile files land in bench/results/
  --readme             record the results in bench/README.md even for a quick run
  --no-readme          do not record them (full-settings runs are recorded by default)

Quick check: npm run bench -- fanout --subscribers 500 --duration 10 --ramp-step 5 --catchup 2000`;

const FULL = {
  subscribers: 5000,
  rate: 2,
  duration: 60,
  rampRates: [2, 5, 10, 20, 40, 80],
  rampStep: 15,
  rampLimit: 250,
  catchup: 10_000,
};

/** The targets of the issue. */
const TARGETS = { p99Ms: 150, rssMB: 400, deliveriesPerSecond: 10_000, catchupSeconds: 2 };

const SUBSCRIPTION = `subscription { events(filter: { types: [MILESTONE_ADDED] }) { cursor type occurredAt milestone { title } initiative { code } } }`;
const CATCHUP_SUBSCRIPTION = `subscription ($after: String) { events(after: $after, filter: { types: [MILESTONE_ADDED] }) { cursor type occurredAt milestone { title } initiative { code } } }`;
const ADD_MILESTONE = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`;

interface Options {
  scenarios: Scenario[];
  subscribers: number;
  workers: number;
  rate: number;
  duration: number;
  warmup: number;
  rampRates: number[];
  rampStep: number;
  rampLimit: number;
  catchup: number;
  catchupRuns: number;
  drain: number;
  database: string;
  keepDatabase: boolean;
  redisUrl: string;
  initiative: string;
  poolSize: number;
  timeoutMinutes: number;
  cpuProf: boolean;
  serverNodeArgs: string[];
  compiled: boolean;
  readme: boolean | undefined;
}

function parseOptions(args: string[]): Options {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      strict: true,
      options: {
        scenarios: { type: 'string', default: SCENARIOS.join(',') },
        subscribers: { type: 'string', default: String(FULL.subscribers) },
        workers: { type: 'string', default: '2' },
        rate: { type: 'string', default: String(FULL.rate) },
        duration: { type: 'string', default: String(FULL.duration) },
        warmup: { type: 'string', default: '5' },
        'ramp-rates': { type: 'string', default: FULL.rampRates.join(',') },
        'ramp-step': { type: 'string', default: String(FULL.rampStep) },
        'ramp-limit': { type: 'string', default: String(FULL.rampLimit) },
        catchup: { type: 'string', default: String(FULL.catchup) },
        'catchup-runs': { type: 'string', default: '3' },
        drain: { type: 'string', default: '10' },
        database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/romgraph_fanout' },
        'keep-database': { type: 'boolean', default: false },
        'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
        initiative: { type: 'string', default: 'ESMEE' },
        'pool-size': { type: 'string', default: '10' },
        timeout: { type: 'string', default: '30' },
        'cpu-prof': { type: 'boolean', default: false },
        'server-node-args': { type: 'string', default: '' },
        compiled: { type: 'boolean', default: false },
        readme: { type: 'boolean' },
        'no-readme': { type: 'boolean' },
        help: { type: 'boolean', default: false },
      },
    }),
  );
  const fail = (message: string): never => {
    console.error(`[bench] ${message}`);
    process.exit(2);
  };
  const number = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      fail(`--${name} must be a number from ${min} to ${max}, not ${raw}`);
    return value;
  };
  const scenarios = values.scenarios.split(',').map((s) => s.trim());
  for (const s of scenarios) {
    if (!(SCENARIOS as readonly string[]).includes(s))
      fail(`unknown scenario ${s}; choose from ${SCENARIOS.join(', ')}`);
  }
  const rampRates = values['ramp-rates'].split(',').map((r) => number('ramp-rates', r.trim(), 0.1, 10_000));
  const database = new URL(values.database);
  if (!/^postgres(ql)?:$/.test(database.protocol)) fail('--database must be a postgres:// URL');
  // The bench drops and recreates this database: refuse names that do not say they are for it.
  if (!values['keep-database'] && !/fanout/.test(database.pathname))
    fail(`--database ${database.pathname.slice(1)} is dropped and recreated; its name must contain "fanout"`);
  for (const url of [database, new URL(values['redis-url'])]) {
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      fail(`${url.protocol}//${url.host}: the bench talks to 127.0.0.1 only`);
  }
  return {
    scenarios: SCENARIOS.filter((s) => scenarios.includes(s)),
    subscribers: Math.round(number('subscribers', values.subscribers, 1, 50_000)),
    workers: Math.round(number('workers', values.workers, 1, 16)),
    rate: number('rate', values.rate, 0.1, 10_000),
    duration: number('duration', values.duration, 1, 3600),
    warmup: number('warmup', values.warmup, 1, 600),
    rampRates,
    rampStep: number('ramp-step', values['ramp-step'], 1, 600),
    rampLimit: number('ramp-limit', values['ramp-limit'], 1, 60_000),
    catchup: Math.round(number('catchup', values.catchup, 1, 1_000_000)),
    catchupRuns: Math.round(number('catchup-runs', values['catchup-runs'], 1, 20)),
    drain: number('drain', values.drain, 1, 600),
    database: values.database,
    keepDatabase: values['keep-database'],
    redisUrl: values['redis-url'],
    initiative: values.initiative,
    poolSize: Math.round(number('pool-size', values['pool-size'], 1, 200)),
    timeoutMinutes: number('timeout', values.timeout, 1, 24 * 60),
    cpuProf: values['cpu-prof'],
    serverNodeArgs: values['server-node-args'].split(/\s+/).filter(Boolean),
    compiled: values.compiled,
    readme: values['no-readme'] ? false : values.readme,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const epochMs = () => performance.timeOrigin + performance.now();
const int = (x: number) => Math.round(x).toLocaleString('en');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '-');
const cores = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(2);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Everything started that must be stopped, newest first; run on success, error, signal and timeout. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    try {
      await step();
    } catch (err) {
      console.error(`[bench] clean-up: ${(err as Error).message}`);
    }
  }
}

async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (!res.ok || json.errors?.length)
    throw new Error(`HTTP ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return json.data;
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** The event cursor of a seq, and back: the server's own encoding. */
const cursorOf = (seq: number) => encodeCursor([String(seq)]);
const seqOf = (cursor: string) => Number(seqOfCursor(cursor));

// ---------------------------------------------------------------------------------------------------------
// Database, token, servers

async function recreateDatabase(url: string, keep: boolean): Promise<void> {
  const name = databaseNameOf(url);
  const exists = await databaseExists(url, name);
  if (keep && exists) return;
  if (exists) {
    console.log(`[bench] dropping database ${name}`);
    await dropDatabase(url, name);
  }
  console.log(`[bench] creating database ${name}`);
  await createDatabase(url, name);
}

/** An ADMIN bearer token of ROMNL, signed by the server's own token service with the servers' secret. */
function adminToken(secret: string, hours: number): Promise<string> {
  return new TokenService(secret).sign(
    { subject: 'bench-fanout-writer', organisationCode: 'ROMNL', role: Role.ADMIN },
    hours * 3600,
  );
}

interface MemorySample {
  at: number;
  /** RSS. */
  bytes: number;
  heapUsed: number;
  heapTotal: number;
}

interface ServerSet {
  servers: ServerProcess[];
  /** RSS samples (one per second per server) and the peak. */
  rss: MemorySample[][];
  stopSampling(): void;
}

/** Where the server child comes from: bench/servers/romgraph.ts through tsx, or its compiled build. */
let serverEntry = { entry: 'servers/romgraph.ts', tsx: true };

/**
 * Compiles the server, its migrations and bench/servers/romgraph.ts with tsc (the project's build settings)
 * into a directory under the system's temporary directory (outside the repository, so that neither ESLint nor
 * git sees it), with the reference data next to the importer and node_modules linked in.
 */
async function buildServer(): Promise<void> {
  const root = path.resolve(BENCH_DIR, '..');
  const out = path.join(os.tmpdir(), 'romgraph-fanout-build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  // Linked first: tsc finds @types/node through it, node the packages.
  symlinkSync(path.join(root, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  const config = path.join(out, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.build.json'),
      compilerOptions: { outDir: out, rootDir: root, sourceMap: false },
      include: [
        path.join(root, 'server'),
        path.join(root, 'migrations'),
        path.join(BENCH_DIR, 'servers/romgraph.ts'),
      ],
      exclude: [path.join(root, '**/*.test.ts')],
    }),
  );
  process.stdout.write(`[bench] compiling the server with tsc into ${out} ... `);
  const began = Date.now();
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`[bench] tsc failed (exit code ${code})`);
  const seed = 'server/seed/nl-innovation-ecosystem.json';
  copyFileSync(path.join(root, seed), path.join(out, seed));
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  console.log(`${((Date.now() - began) / 1000).toFixed(0)} s`);
  serverEntry = { entry: path.join(out, 'bench/servers/romgraph.js'), tsx: false };
}

async function startServers(
  count: number,
  env: Record<string, string>,
  nodeArgs: string[],
  label: string,
): Promise<ServerSet> {
  const servers: ServerProcess[] = [];
  // One after the other: the first migrates (and seeds an empty database).
  for (let i = 0; i < count; i++) {
    const server = await startServer({
      name: count === 1 ? 'romgraph' : `romgraph-${i + 1}`,
      ...serverEntry,
      env,
      nodeArgs,
      timeoutMs: 180_000,
    });
    cleanups.push(() => server.stop());
    servers.push(server);
    console.log(`[bench] ${label}: ${server.name} at ${server.url} (pid ${server.pid})`);
  }
  const rss: MemorySample[][] = servers.map(() => []);
  let sampling = true;
  // RSS once a second, through the same IPC message as the CPU figures.
  const sample = async () => {
    while (sampling) {
      const began = Date.now();
      await Promise.all(
        servers.map((server, i) =>
          server.cpu().then(
            (c) =>
              rss[i]!.push({
                at: Date.now(),
                bytes: c.rssBytes,
                heapUsed: c.heap?.heapUsed ?? 0,
                heapTotal: c.heap?.heapTotal ?? 0,
              }),
            () => undefined,
          ),
        ),
      );
      await sleep(Math.max(0, 1000 - (Date.now() - began)));
    }
  };
  const sampler = sample();
  return {
    servers,
    rss,
    stopSampling() {
      sampling = false;
      void sampler;
    },
  };
}

async function stopServers(set: ServerSet): Promise<void> {
  set.stopSampling();
  await Promise.all(set.servers.map((s) => s.stop()));
}

const peakRss = (
  samples: MemorySample[],
  from = 0,
  to = Infinity,
  field: 'bytes' | 'heapUsed' | 'heapTotal' = 'bytes',
) => samples.filter((s) => s.at >= from && s.at <= to).reduce((peak, s) => Math.max(peak, s[field]), 0);

/** RSS and heap of each server now, MB. */
async function memoryNow(
  servers: ServerProcess[],
  collectGarbage = false,
): Promise<Record<string, MemoryFigures>> {
  const samples = await Promise.all(servers.map((s) => s.cpu(collectGarbage)));
  return Object.fromEntries(
    servers.map((s, i) => [
      s.name,
      {
        rssMB: mb(samples[i]!.rssBytes),
        heapUsedMB: mb(samples[i]!.heap?.heapUsed ?? 0),
        heapTotalMB: mb(samples[i]!.heap?.heapTotal ?? 0),
      },
    ]),
  );
}

interface MemoryFigures {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
}

// ---------------------------------------------------------------------------------------------------------
// Subscribers: worker processes

class Subscribers {
  opened = 0;
  openSeconds = 0;
  private constructor(private readonly workers: ChildProcess[]) {}

  static async open(urls: string[], total: number, processes: number): Promise<Subscribers> {
    const entry = fileURLToPath(new URL('./lib/fanout-subscribers.ts', import.meta.url));
    const workers: ChildProcess[] = [];
    for (let i = 0; i < processes; i++) {
      const child = fork(entry, [], {
        execArgv: ['--import', import.meta.resolve('tsx')],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('error', (err) => console.error(`[bench] subscriber process: ${err.message}`));
      workers.push(child);
    }
    const set = new Subscribers(workers);
    cleanups.push(() => set.close());
    const began = Date.now();
    const replies = await Promise.all(
      workers.map((w, i) => {
        const sockets = Math.floor(total / processes) + (i < total % processes ? 1 : 0);
        return set.ask<'opened'>(
          w,
          { type: 'open', urls, sockets, query: SUBSCRIPTION, concurrency: 100 },
          'opened',
          300_000,
        );
      }),
    );
    set.opened = replies.reduce((n, r) => n + r.ok, 0);
    set.openSeconds = (Date.now() - began) / 1000;
    const failed = replies.reduce((n, r) => n + r.failed, 0);
    if (failed > 0)
      console.warn(
        `[bench] ${failed} subscribers could not connect: ${replies.flatMap((r) => r.errors).join('; ')}`,
      );
    return set;
  }

  private ask<T extends FromWorker['type']>(
    worker: ChildProcess,
    message: ToWorker,
    reply: T,
    timeoutMs = 30_000,
  ): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        reject(new Error(`[bench] a subscriber process did not answer ${message.type}`));
      }, timeoutMs);
      const onMessage = (m: FromWorker) => {
        if (m.type !== reply) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(m as Extract<FromWorker, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.send(message);
    });
  }

  measure(baseSeq: number): void {
    for (const w of this.workers) w.send({ type: 'measure', baseSeq } satisfies ToWorker);
  }

  async progress() {
    const replies = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'progress' }, 'progress')));
    const perStep: Record<number, number> = {};
    for (const r of replies)
      for (const [step, n] of Object.entries(r.perStep)) perStep[+step] = (perStep[+step] ?? 0) + n;
    return {
      perStep,
      warmed: replies.reduce((n, r) => n + r.warmed, 0),
      open: replies.reduce((n, r) => n + r.open, 0),
      cpuSeconds: replies.map((r) => r.cpuSeconds),
    };
  }

  async collect(step: number) {
    const replies = await Promise.all(
      this.workers.map((w) => this.ask(w, { type: 'collect', step }, 'collected', 120_000)),
    );
    const closes: Record<string, number> = {};
    for (const r of replies)
      for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
    return {
      shares: replies.flatMap((r) => r.shares),
      perSubscriber: replies.map((r) => ({ counts: r.perSubscriber, servers: r.serverOf })),
      meanBySubscriber: replies.map((r) => r.meanBySubscriber),
      closes,
      badMessages: replies.reduce((n, r) => n + r.badMessages, 0),
      loopDelay: replies.map((r) => r.loopDelay),
    };
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.workers.map(async (w) => {
        if (w.exitCode !== null || w.signalCode !== null) return;
        const exited = new Promise((resolve) => w.once('exit', resolve));
        try {
          w.send({ type: 'close' } satisfies ToWorker);
        } catch {
          w.kill('SIGKILL');
        }
        const timer = setTimeout(() => w.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The writer: open loop, one addMilestone per event, at a fixed rate

interface WriteResult {
  rate: number;
  seconds: number;
  planned: number;
  committed: number;
  failed: number;
  errors: string[];
  /** Epoch ms of the first send, and when the last response came back. */
  firstSendAt: number;
  doneAt: number;
  /** Round trip of the mutation (send to response), ms. */
  mutation: Summary;
}

async function write(
  url: string,
  token: string,
  initiativeId: string,
  rate: number,
  seconds: number,
  step: number,
): Promise<WriteResult> {
  const planned = Math.max(1, Math.round(rate * seconds));
  const roundTrips: number[] = [];
  const errors: string[] = [];
  let committed = 0;
  const sendOne = async (i: number) => {
    const sentAt = epochMs();
    const title = `fanout n=${i} s=${step} t=${sentAt.toFixed(3)}`;
    try {
      await gql(url, ADD_MILESTONE, { input: { initiativeId, title } }, token);
      committed++;
      roundTrips.push(epochMs() - sentAt);
    } catch (err) {
      if (errors.length < 5) errors.push((err as Error).message);
    }
  };
  const began = performance.now();
  const firstSendAt = epochMs();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < planned; i++) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(sendOne(i));
  }
  await Promise.all(pending);
  return {
    rate,
    seconds,
    planned,
    committed,
    failed: planned - committed,
    errors,
    firstSendAt,
    doneAt: epochMs(),
    mutation: summarise(Float64Array.from(roundTrips)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

interface Summary {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

function summarise(values: Float32Array | Float64Array): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    min: round(sorted.length ? sorted[0]! : NaN),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    p999: round(percentile(sorted, 99.9)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : NaN),
    mean: round(sorted.length ? sum / sorted.length : NaN),
  };
}

function concat(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

interface StepResult {
  step: number;
  rate: number;
  seconds: number;
  subscribers: number;
  write: WriteResult;
  events: number;
  expected: number;
  deliveries: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Subscribers that missed at least one event of the step. */
  subscribersMissing: number;
  deliveriesPerSecond: number;
  /** Event occurredAt (transaction start in PostgreSQL, ms precision) to receipt. */
  fromCommit: Summary;
  /** Writer's send to receipt. */
  fromSend: Summary;
  /**
   * Mean latency of the tenth of subscribers that subscribed first and of the tenth that subscribed last:
   * a cohort delivers to its members one after the other, in the order they joined.
   */
  byJoinOrder: { firstTenthMs: number; lastTenthMs: number };
  /** The same per server (two-instance run). */
  perServer: { server: string; subscribers: number; deliveries: number; fromCommit: Summary }[];
  drained: boolean;
  drainSeconds: number;
  cpu: {
    servers: Record<string, number>;
    postgres: number | null;
    machine: number | null;
    machineCores: number;
    bench: number;
    loadGenerator: number[];
    /** The machine's busy cores minus ours (servers, PostgreSQL, subscriber processes, writer): other work. */
    other: number | null;
  };
  loadGeneratorLoopDelay: { p50: number; p99: number; max: number }[];
  rssPeakMB: Record<string, number>;
  closes: Record<string, number>;
  badMessages: number;
}

interface ScenarioResult {
  scenario: Scenario;
  label: string;
  instances: number;
  subscribers: number;
  openSeconds: number;
  steps: StepResult[];
  rssPeakMB: Record<string, number>;
  /** Per server: before the subscribers connected, once they were all live, and peaks over the whole run. */
  memory: Record<
    string,
    {
      idle: MemoryFigures;
      subscribed: MemoryFigures;
      /** After the last step, subscribers still connected, after a full garbage collection. */
      afterGc: MemoryFigures;
      peakHeapUsedMB: number;
      peakHeapTotalMB: number;
      /** One sample a second: seconds since the server started sampling, RSS and heap used in MB. */
      timeline: [number, number, number][];
    }
  >;
  /** Ramp: why it stopped. */
  stoppedBecause?: string;
}

// ---------------------------------------------------------------------------------------------------------
// One live scenario: subscribers, warm-up, then one or more measured steps

async function liveScenario(params: {
  scenario: Scenario;
  label: string;
  instances: number;
  options: Options;
  env: Record<string, string>;
  nodeArgs: string[];
  client: pg.Client;
  token: string;
  initiativeId: string;
  machineCores: number;
  steps: { rate: number; seconds: number }[];
  stopWhen?: (step: StepResult) => string | null;
}): Promise<ScenarioResult> {
  const { options, client, label } = params;
  const set = await startServers(params.instances, params.env, params.nodeArgs, label);
  const { servers } = set;
  try {
    if (params.env.BENCH_REDIS_URL) {
      for (const s of servers) {
        const ready = await waitFor(async () => {
          const res = await fetch(`${s.url}/readyz`);
          return res.ok;
        }, 15_000);
        if (!ready) throw new Error(`[bench] ${s.name} is not ready (Redis wake-ups unavailable?)`);
      }
    }
    await sleep(1000);
    const idleMemory = await memoryNow(servers);
    process.stdout.write(`[bench] ${label}: opening ${int(options.subscribers)} subscribers ... `);
    const subscribers = await Subscribers.open(
      servers.map((s) => s.url),
      options.subscribers,
      options.workers,
    );
    const live = await waitFor(async () => {
      const stats = await Promise.all(servers.map((s) => s.cpu()));
      return stats.reduce((n, s) => n + (s.live?.subscribers ?? 0), 0) >= subscribers.opened;
    }, 60_000);
    if (!live)
      throw new Error(`[bench] the servers did not report all ${subscribers.opened} subscribers live`);
    const subscribedMemory = await memoryNow(servers);
    console.log(
      `${int(subscribers.opened)} live in ${subscribers.openSeconds.toFixed(1)} s; RSS ` +
        servers
          .map(
            (s) =>
              `${s.name} ${idleMemory[s.name]!.rssMB} MB idle, ${subscribedMemory[s.name]!.rssMB} MB now`,
          )
          .join(', '),
    );

    // Warm-up: everyone must have received one event before measuring starts.
    const warmRate = params.steps[0]!.rate;
    process.stdout.write(`[bench] ${label}: warm-up ${options.warmup} s at ${warmRate}/s ... `);
    const warm = await write(
      servers[0]!.url,
      params.token,
      params.initiativeId,
      warmRate,
      options.warmup,
      -1,
    );
    if (warm.committed === 0) throw new Error(`[bench] the writer failed: ${warm.errors.join('; ')}`);
    const warmed = await waitFor(
      async () => (await subscribers.progress()).warmed >= subscribers.opened,
      30_000,
    );
    if (!warmed) throw new Error('[bench] not every subscriber received a warm-up event within 30 s');
    const [{ seq: baseSeq }] = (
      await client.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM events')
    ).rows;
    subscribers.measure(baseSeq);
    console.log('done');

    const results: StepResult[] = [];
    let stoppedBecause: string | undefined;
    let committedSoFar = 0;
    for (let index = 0; index < params.steps.length; index++) {
      const { rate, seconds } = params.steps[index]!;
      const startingOpen = (await subscribers.progress()).open;
      process.stdout.write(
        `[bench] ${label}: ${rate} events/s for ${seconds} s to ${int(startingOpen)} subscribers ... `,
      );
      const before: CpuSnapshot = await snapshot(client, servers);
      const lgBefore = (await subscribers.progress()).cpuSeconds;
      const lgAt = performance.now();
      const written = await write(servers[0]!.url, params.token, params.initiativeId, rate, seconds, index);
      const after = await snapshot(client, servers);
      const lgAfter = (await subscribers.progress()).cpuSeconds;
      const lgWall = (performance.now() - lgAt) / 1000;
      const expected = written.committed * startingOpen;
      committedSoFar += written.committed;
      const drainBegan = performance.now();
      const drained = await waitFor(
        async () => ((await subscribers.progress()).perStep[index] ?? 0) >= expected,
        options.drain * 1000,
        100,
      );
      const drainSeconds = (performance.now() - drainBegan) / 1000;
      const collected = await subscribers.collect(index);
      const cpu = cpuBetween(before, after, params.machineCores);
      const result = stepResult({
        index,
        rate,
        seconds,
        subscribers: startingOpen,
        written,
        committedSoFar,
        collected,
        serverNames: servers.map((s) => s.name),
        drained,
        drainSeconds,
        cpu: withOther({
          ...cpu,
          bench: cpu.loadGenerator,
          loadGenerator: lgAfter.map((c, i) => (c - lgBefore[i]!) / lgWall),
          other: null,
        }),
        rssPeakMB: Object.fromEntries(
          servers.map((s, i) => [s.name, mb(peakRss(set.rss[i]!, written.firstSendAt, Date.now()))]),
        ),
      });
      results.push(result);
      console.log(describeStep(result));
      const stop = params.stopWhen?.(result);
      if (stop) {
        stoppedBecause = stop;
        console.log(`[bench] ${label}: stopping: ${stop}`);
        break;
      }
    }
    const afterGc = await memoryNow(servers, true);
    await subscribers.close();
    return {
      scenario: params.scenario,
      label,
      instances: params.instances,
      subscribers: subscribers.opened,
      openSeconds: subscribers.openSeconds,
      steps: results,
      rssPeakMB: Object.fromEntries(servers.map((s, i) => [s.name, mb(peakRss(set.rss[i]!))])),
      memory: Object.fromEntries(
        servers.map((s, i) => [
          s.name,
          {
            idle: idleMemory[s.name]!,
            subscribed: subscribedMemory[s.name]!,
            afterGc: afterGc[s.name]!,
            timeline: set.rss[i]!.map((m): [number, number, number] => [
              Math.round((m.at - set.rss[i]![0]!.at) / 1000),
              mb(m.bytes),
              mb(m.heapUsed),
            ]),
            peakHeapUsedMB: mb(peakRss(set.rss[i]!, 0, Infinity, 'heapUsed')),
            peakHeapTotalMB: mb(peakRss(set.rss[i]!, 0, Infinity, 'heapTotal')),
          },
        ]),
      ),
      stoppedBecause,
    };
  } finally {
    await stopServers(set);
  }
}

function withOther(cpu: StepResult['cpu']): StepResult['cpu'] {
  if (cpu.machine === null) return cpu;
  const ours =
    Object.values(cpu.servers).reduce((a, b) => a + b, 0) +
    (cpu.postgres ?? 0) +
    cpu.loadGenerator.reduce((a, b) => a + b, 0) +
    cpu.bench;
  return { ...cpu, other: Math.max(0, Math.round((cpu.machine - ours) * 100) / 100) };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // not yet
    }
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

function stepResult(p: {
  index: number;
  rate: number;
  seconds: number;
  subscribers: number;
  written: WriteResult;
  committedSoFar: number;
  collected: Awaited<ReturnType<Subscribers['collect']>>;
  serverNames: string[];
  drained: boolean;
  drainSeconds: number;
  cpu: StepResult['cpu'];
  rssPeakMB: Record<string, number>;
}): StepResult {
  const { shares } = p.collected;
  const sum = (f: (s: StepShare) => number) => shares.reduce((n, s) => n + f(s), 0);
  const deliveries = sum((s) => s.deliveries);
  const expected = p.written.committed * p.subscribers;
  const lastAt = shares.reduce((m, s) => Math.max(m, s.lastAt), 0);
  const window = (lastAt - p.written.firstSendAt) / 1000;
  let subscribersMissing = 0;
  // Every subscriber should hold all committed events of every step so far.
  for (const { counts } of p.collected.perSubscriber)
    for (const n of counts) if (n < p.committedSoFar) subscribersMissing++;
  const perServer = p.serverNames.map((server, i) => {
    const mine = shares.filter((s) => s.server === i);
    return {
      server,
      subscribers: p.collected.perSubscriber.reduce((n, w) => n + w.servers.filter((x) => x === i).length, 0),
      deliveries: mine.reduce((n, s) => n + s.deliveries, 0),
      fromCommit: summarise(concat(mine.map((s) => s.fromOccurred))),
    };
  });
  const tenths = (pick: (means: Float32Array, tenth: number) => Float32Array) => {
    let sum = 0;
    let n = 0;
    for (const means of p.collected.meanBySubscriber) {
      for (const v of pick(means, Math.max(1, Math.floor(means.length / 10)))) {
        if (Number.isFinite(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n ? Math.round((sum / n) * 10) / 10 : NaN;
  };
  return {
    step: p.index,
    rate: p.rate,
    seconds: p.seconds,
    subscribers: p.subscribers,
    write: p.written,
    events: p.written.committed,
    expected,
    deliveries,
    lost: Math.max(0, expected - deliveries),
    duplicated: sum((s) => s.duplicates),
    outOfOrder: sum((s) => s.outOfOrder),
    subscribersMissing,
    deliveriesPerSecond: window > 0 ? deliveries / window : NaN,
    fromCommit: summarise(concat(shares.map((s) => s.fromOccurred))),
    fromSend: summarise(concat(shares.map((s) => s.fromSend))),
    byJoinOrder: {
      firstTenthMs: tenths((m, t) => m.subarray(0, t)),
      lastTenthMs: tenths((m, t) => m.subarray(m.length - t)),
    },
    perServer,
    drained: p.drained,
    drainSeconds: Math.round(p.drainSeconds * 100) / 100,
    cpu: p.cpu,
    loadGeneratorLoopDelay: p.collected.loopDelay,
    rssPeakMB: p.rssPeakMB,
    closes: p.collected.closes,
    badMessages: p.collected.badMessages,
  };
}

function describeStep(r: StepResult): string {
  const c = r.fromCommit;
  const servers = Object.entries(r.cpu.servers)
    .map(([name, v]) => `${name} ${cores(v)}`)
    .join(', ');
  const rss = Object.entries(r.rssPeakMB)
    .map(([name, v]) => `${name} ${v} MB`)
    .join(', ');
  const closes = Object.entries(r.closes);
  return (
    `${int(r.deliveries)} of ${int(r.expected)} deliveries (${int(r.deliveriesPerSecond)}/s); ` +
    `commit→receipt min ${ms(c.min)} p50 ${ms(c.p50)} p95 ${ms(c.p95)} p99 ${ms(c.p99)} max ${ms(c.max)} ms; ` +
    `send→receipt p99 ${ms(r.fromSend.p99)} ms; mean of the first/last tenth to subscribe ` +
    `${ms(r.byJoinOrder.firstTenthMs)}/${ms(r.byJoinOrder.lastTenthMs)} ms; lost ${int(r.lost)}, duplicated ${r.duplicated}, ` +
    `out of order ${r.outOfOrder}; CPU: ${servers}, PostgreSQL ${cores(r.cpu.postgres)}, ` +
    `subscriber processes ${r.cpu.loadGenerator.map(cores).join(' + ')}, writer ${cores(r.cpu.bench)}, ` +
    `machine ${cores(r.cpu.machine)} of ${r.cpu.machineCores} (other work ${cores(r.cpu.other)}); RSS peak ${rss}` +
    (r.write.failed ? `; ${r.write.failed} writes failed: ${r.write.errors[0]}` : '') +
    (closes.length ? `; subscribers closed: ${closes.map(([code, n]) => `${n}× ${code}`).join(', ')}` : '') +
    (r.badMessages ? `; ${r.badMessages} bad messages` : '') +
    (r.drained ? '' : `; not all delivered ${r.drainSeconds} s after the writer stopped`)
  );
}

// ---------------------------------------------------------------------------------------------------------
// Catch-up

interface CatchupRun {
  run: number;
  events: number;
  received: number;
  inOrder: boolean;
  duplicated: number;
  /** From sending `subscribe` (connection already acknowledged) to the first and last event, s. */
  firstSeconds: number;
  lastSeconds: number;
  /** From opening the socket to the last event, s. */
  withConnectSeconds: number;
  eventsPerSecond: number;
}

interface CatchupResult {
  behind: number;
  writeSeconds: number;
  writesPerSecond: number;
  writeFailures: number;
  runs: CatchupRun[];
  rssPeakMB: number;
}

async function catchupScenario(params: {
  options: Options;
  env: Record<string, string>;
  nodeArgs: string[];
  client: pg.Client;
  token: string;
  initiativeId: string;
}): Promise<CatchupResult> {
  const { options, client } = params;
  const set = await startServers(1, params.env, params.nodeArgs, 'catch-up');
  const server = set.servers[0]!;
  try {
    const [{ seq: baseSeq }] = (
      await client.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM events')
    ).rows;
    // The events to catch up on, written through the API: concurrent addMilestone mutations.
    process.stdout.write(`[bench] catch-up: writing ${int(options.catchup)} events ... `);
    const began = performance.now();
    let next = 0;
    let failures = 0;
    const lane = async () => {
      while (next < options.catchup) {
        const i = next++;
        try {
          await gql(
            server.url,
            ADD_MILESTONE,
            { input: { initiativeId: params.initiativeId, title: `fanout catch-up n=${i}` } },
            params.token,
          );
        } catch (err) {
          if (failures++ === 0) console.error(`\n[bench] catch-up write failed: ${(err as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    const writeSeconds = (performance.now() - began) / 1000;
    const [{ n: behind }] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE seq > $1 AND type = 'MILESTONE_ADDED'`,
        [baseSeq],
      )
    ).rows;
    console.log(`${int(behind)} in ${writeSeconds.toFixed(1)} s (${int(behind / writeSeconds)}/s)`);
    if (failures) throw new Error(`[bench] ${failures} catch-up writes failed`);

    const runs: CatchupRun[] = [];
    for (let run = 1; run <= options.catchupRuns; run++) {
      const result = await catchUpOnce(server.url, baseSeq, behind, run);
      runs.push(result);
      console.log(
        `[bench] catch-up ${run}: ${int(result.received)} of ${int(behind)} events, ` +
          `${result.inOrder ? 'in order' : 'OUT OF ORDER'}, ${result.duplicated} duplicated; ` +
          `first after ${(result.firstSeconds * 1000).toFixed(0)} ms, last after ${result.lastSeconds.toFixed(2)} s ` +
          `(${int(result.eventsPerSecond)} events/s; ${result.withConnectSeconds.toFixed(2)} s with the connection)`,
      );
    }
    return {
      behind,
      writeSeconds: Math.round(writeSeconds * 10) / 10,
      writesPerSecond: Math.round(behind / writeSeconds),
      writeFailures: failures,
      runs,
      rssPeakMB: mb(peakRss(set.rss[0]!)),
    };
  } finally {
    await stopServers(set);
  }
}

/** One subscriber resuming after `baseSeq`, until it holds `behind` events (or 60 s pass). */
async function catchUpOnce(url: string, baseSeq: number, behind: number, run: number): Promise<CatchupRun> {
  const opened = performance.now();
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    perMessageDeflate: false,
  });
  cleanups.push(() => ws.terminate());
  return new Promise((resolve, reject) => {
    let subscribedAt = 0;
    let firstAt = 0;
    let lastSeq = baseSeq;
    let received = 0;
    let duplicated = 0;
    let inOrder = true;
    const seen = new Set<number>();
    const timer = setTimeout(() => finish(), 60_000);
    const finish = () => {
      clearTimeout(timer);
      const lastAt = performance.now();
      ws.terminate();
      resolve({
        run,
        events: behind,
        received,
        inOrder,
        duplicated,
        firstSeconds: (firstAt - subscribedAt) / 1000,
        lastSeconds: (lastAt - subscribedAt) / 1000,
        withConnectSeconds: (lastAt - opened) / 1000,
        eventsPerSecond: received / ((lastAt - subscribedAt) / 1000),
      });
    };
    ws.on('open', () => ws.send('{"type":"connection_init","payload":{}}'));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') {
        subscribedAt = performance.now();
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: CATCHUP_SUBSCRIPTION, variables: { after: cursorOf(baseSeq) } },
          }),
        );
        return;
      }
      if (message.type !== 'next') {
        if (message.type !== 'pong')
          reject(new Error(`catch-up: unexpected ${data.toString().slice(0, 300)}`));
        return;
      }
      const cursor = message.payload?.data?.events?.cursor;
      if (!cursor) return reject(new Error(`catch-up: ${JSON.stringify(message.payload).slice(0, 300)}`));
      const seq = seqOf(cursor);
      if (received === 0) firstAt = performance.now();
      if (seen.has(seq)) duplicated++;
      else {
        seen.add(seq);
        received++;
      }
      if (seq <= lastSeq) inOrder = false;
      lastSeq = Math.max(lastSeq, seq);
      if (received >= behind) finish();
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Report

function scenarioRows(results: ScenarioResult[]): string[][] {
  const rows: string[][] = [];
  for (const r of results) {
    for (const s of r.steps) {
      const names = Object.keys(s.cpu.servers);
      rows.push([
        r.scenario === 'ramp' ? `ramp, step ${s.step + 1}` : r.label,
        String(r.instances),
        int(s.subscribers),
        String(s.rate),
        int(s.events),
        int(s.deliveriesPerSecond),
        ms(s.fromCommit.p50),
        ms(s.fromCommit.p95),
        ms(s.fromCommit.p99),
        ms(s.fromCommit.max),
        ms(s.fromSend.p99),
        int(s.lost),
        int(s.duplicated),
        int(s.outOfOrder),
        names.map((n) => s.rssPeakMB[n]).join(' / '),
        names.map((n) => cores(s.cpu.servers[n])).join(' / '),
        cores(s.cpu.postgres),
        s.cpu.loadGenerator.map(cores).join(' + '),
        cores(s.cpu.other),
      ]);
    }
  }
  return rows;
}

const HEADER = [
  'run',
  'instances',
  'subscribers',
  'events/s',
  'events',
  'deliveries/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'p99 from send ms',
  'lost',
  'duplicated',
  'out of order',
  'server RSS peak MB',
  'server cores',
  'PostgreSQL cores',
  'subscriber processes cores',
  'other work cores',
];

interface Verdict {
  target: string;
  measured: string;
  met: boolean | null;
}

function verdicts(results: ScenarioResult[], catchup: CatchupResult | null, limit: number): Verdict[] {
  const out: Verdict[] = [];
  for (const scenario of ['one', 'two'] as const) {
    const r = results.find((x) => x.scenario === scenario);
    const s = r?.steps[0];
    if (!r || !s) continue;
    const who = scenario === 'one' ? 'one instance' : 'two instances';
    const rss = Math.max(...Object.values(r.rssPeakMB));
    out.push(
      {
        target: `${who}: ${int(TARGETS.deliveriesPerSecond)} deliveries/s`,
        measured: `${int(s.deliveriesPerSecond)}/s`,
        met: s.deliveriesPerSecond >= TARGETS.deliveriesPerSecond * 0.98,
      },
      {
        target: `${who}: p99 commit→receipt ≤ ${TARGETS.p99Ms} ms`,
        measured: `${ms(s.fromCommit.p99)} ms`,
        met: s.fromCommit.p99 <= TARGETS.p99Ms,
      },
      {
        target: `${who}: 0 lost, 0 duplicated`,
        measured: `${int(s.lost)} lost, ${int(s.duplicated)} duplicated (${int(s.outOfOrder)} out of order)`,
        met: s.lost === 0 && s.duplicated === 0,
      },
      {
        target: `${who}: server RSS ≤ ${TARGETS.rssMB} MB`,
        measured: `${Object.values(r.rssPeakMB).join(' / ')} MB peak`,
        met: rss <= TARGETS.rssMB,
      },
    );
  }
  const ramp = results.find((x) => x.scenario === 'ramp');
  if (ramp) {
    const under = ramp.steps.filter((s) => s.fromCommit.p99 <= limit && s.lost === 0);
    const best = under.at(-1);
    out.push({
      target: `ramp: deliveries/s at the last step with p99 ≤ ${limit} ms (and nothing lost)`,
      measured: best
        ? `${int(best.deliveriesPerSecond)}/s at ${best.rate} events/s (p99 ${ms(best.fromCommit.p99)} ms)` +
          (ramp.stoppedBecause ? `; next step: ${ramp.stoppedBecause}` : '; the limit was not reached')
        : `none (${ramp.stoppedBecause ?? 'no step'})`,
      met: null,
    });
  }
  if (catchup && catchup.runs.length) {
    const first = catchup.runs[0]!;
    const times = catchup.runs.map((r) => r.lastSeconds);
    const all = catchup.runs.every((r) => r.received === catchup.behind && r.inOrder && r.duplicated === 0);
    out.push({
      target: `catch-up: ${int(catchup.behind)} events behind, all in order within ${TARGETS.catchupSeconds} s`,
      measured:
        `${times.map((t) => `${t.toFixed(2)} s`).join(', ')} (runs 1-${times.length}); ` +
        (all ? 'all received, in order, none twice' : `run 1: ${int(first.received)} received`),
      met: all && Math.max(...times) <= TARGETS.catchupSeconds,
    });
  }
  return out;
}

function verdictTable(list: Verdict[]): string {
  return markdownTable(
    ['target', 'measured', 'met'],
    list.map((v) => [v.target, v.measured, v.met === null ? '-' : v.met ? 'yes' : '**no**']),
  );
}

// ---------------------------------------------------------------------------------------------------------

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const deadline = setTimeout(() => {
    console.error(`[bench] fanout: still running after ${options.timeoutMinutes} min; stopping`);
    void cleanUp().then(() => process.exit(1));
  }, options.timeoutMinutes * 60_000);
  deadline.unref();
  const onSignal = (signal: string) => {
    console.error(`[bench] ${signal}: stopping`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await runBench(options, args);
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
}

async function runBench(options: Options, args: string[]): Promise<void> {
  const url = options.database;
  if (options.scenarios.includes('two')) {
    const redis = createClient({
      url: options.redisUrl,
      socket: { connectTimeout: 2000, reconnectStrategy: false },
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      await redis.close();
    } catch (err) {
      throw new Error(
        `[bench] Redis at ${options.redisUrl} is not reachable (${(err as Error).message}); the two-instance run needs it (or leave it out with --scenarios)`,
        { cause: err },
      );
    }
  }
  if (options.compiled) await buildServer();
  await recreateDatabase(url, options.keepDatabase);
  const client = new pg.Client({ connectionString: url, application_name: 'bench fanout driver' });
  client.on('error', (err) => console.error('[bench] driver connection error', err));
  await client.connect();
  cleanups.push(() => client.end());
  const [{ server_version: postgresVersion }] = (await client.query('SHOW server_version')).rows;
  const machine: Machine = describeMachine(postgresVersion);
  console.log(`[bench] ${machineLine(machine)}`);

  const secret = randomBytes(48).toString('base64');
  const token = await adminToken(secret, 4);
  const env = {
    BENCH_DATABASE_URL: url,
    BENCH_PG_POOL_SIZE: String(options.poolSize),
    BENCH_JWT_SECRET: secret,
    BENCH_SEED_ON_START: 'true',
    BENCH_REDIS_URL: '',
    NODE_ENV: 'production',
  };
  // --expose-gc only lets the bench ask for a full collection after measuring (see memoryNow).
  const nodeArgs = [
    '--expose-gc',
    ...options.serverNodeArgs,
    ...(options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', RESULTS_DIR] : []),
  ];

  // Migrate and seed (the first server start on an empty database imports the reference network), and find
  // the initiative the writer adds milestones to.
  const seeding = await startServers(1, env, [], 'seed');
  let initiativeId: string;
  try {
    const data = await gql(
      seeding.servers[0]!.url,
      `query ($code: String) { initiative(code: $code) { id visibility } }`,
      { code: options.initiative },
    );
    if (!data.initiative) throw new Error(`[bench] initiative ${options.initiative} not found`);
    if (data.initiative.visibility !== 'PUBLIC')
      throw new Error(
        `[bench] initiative ${options.initiative} is ${data.initiative.visibility}, not PUBLIC`,
      );
    initiativeId = data.initiative.id;
  } finally {
    await stopServers(seeding);
  }
  const [counts] = (
    await client.query(`SELECT (SELECT count(*)::int FROM organisations) AS organisations,
      (SELECT count(*)::int FROM initiatives) AS initiatives,
      (SELECT count(*)::int FROM milestones) AS milestones,
      (SELECT count(*)::int FROM events) AS events`)
  ).rows;
  console.log(`[bench] database ${new URL(url).pathname.slice(1)}: ${JSON.stringify(counts)}`);

  const common = {
    options,
    nodeArgs,
    client,
    token,
    initiativeId,
    machineCores: machine.cores,
  };
  const results: ScenarioResult[] = [];
  if (options.scenarios.includes('one')) {
    results.push(
      await liveScenario({
        ...common,
        scenario: 'one',
        label: 'one instance',
        instances: 1,
        env,
        steps: [{ rate: options.rate, seconds: options.duration }],
      }),
    );
  }
  if (options.scenarios.includes('two')) {
    results.push(
      await liveScenario({
        ...common,
        scenario: 'two',
        label: 'two instances',
        instances: 2,
        env: { ...env, BENCH_REDIS_URL: options.redisUrl },
        steps: [{ rate: options.rate, seconds: options.duration }],
      }),
    );
  }
  if (options.scenarios.includes('ramp')) {
    results.push(
      await liveScenario({
        ...common,
        scenario: 'ramp',
        label: 'ramp',
        instances: 1,
        env,
        steps: options.rampRates.map((rate) => ({ rate, seconds: options.rampStep })),
        stopWhen: (s) =>
          s.fromCommit.p99 > options.rampLimit
            ? `p99 ${ms(s.fromCommit.p99)} ms > ${options.rampLimit} ms at ${s.rate} events/s`
            : s.lost > 0
              ? `${int(s.lost)} deliveries lost at ${s.rate} events/s`
              : null,
      }),
    );
  }
  let catchup: CatchupResult | null = null;
  if (options.scenarios.includes('catchup')) {
    catchup = await catchupScenario({ ...common, env });
  }

  // ------------------------------------------------------------------------------------------------------
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const command = `npm run bench -- fanout${args.length ? ` ${args.join(' ')}` : ''}`;
  const list = verdicts(results, catchup, options.rampLimit);
  const table = markdownTable(HEADER, scenarioRows(results));
  const two = results.find((r) => r.scenario === 'two')?.steps[0];
  const lg = results.flatMap((r) => r.steps.map((s) => ({ r, s })));
  const disturbed = lg.filter(({ s }) => (s.cpu.other ?? 0) > 0.25);
  const catchupLines = catchup
    ? [
        '',
        `Catch-up: ${int(catchup.behind)} MILESTONE_ADDED events written first through addMilestone (16 concurrent, ` +
          `${int(catchup.writesPerSecond)}/s), then ${catchup.runs.length} times a fresh subscriber with ` +
          '`after: <cursor before them>` on an otherwise idle instance:',
        '',
        markdownTable(
          [
            'run',
            'received',
            'in order',
            'duplicated',
            'first event ms',
            'last event s',
            'with connect s',
            'events/s',
          ],
          catchup.runs.map((r) => [
            String(r.run),
            int(r.received),
            r.inOrder ? 'yes' : '**no**',
            String(r.duplicated),
            (r.firstSeconds * 1000).toFixed(0),
            r.lastSeconds.toFixed(2),
            r.withConnectSeconds.toFixed(2),
            int(r.eventsPerSecond),
          ]),
        ),
      ]
    : [];
  const section = [
    `### Latest recorded run: ${date} UTC`,
    '',
    `Command: \`${command}\``,
    '',
    `Settings: ${int(options.subscribers)} subscribers over ${options.workers} processes, one cohort ` +
      `(\`${SUBSCRIPTION}\`, anonymous); writer: addMilestone on ${options.initiative} as ADMIN over HTTP, ` +
      `${options.rate} events/s for ${options.duration} s after ${options.warmup} s of warm-up; ramp ` +
      `${options.rampRates.join(', ')} events/s, ${options.rampStep} s each, stopping past p99 ${options.rampLimit} ms; ` +
      `pool size ${options.poolSize} per server; Redis ${options.redisUrl} for two instances.`,
    '',
    `Machine: ${machineLine(machine)}.`,
    '',
    `Data: the reference network (${counts.organisations} organisations, ${counts.initiatives} initiatives) in ` +
      (options.keepDatabase
        ? `the kept database (${int(counts.events)} events before the run).`
        : 'a fresh database.'),
    '',
    table,
    '',
    'Latencies in ms from the event’s `occurredAt` (PostgreSQL’s `now()`: the start of the writing transaction, ' +
      'to the millisecond) to receipt by the subscriber, over every delivery; "from send": from the writer’s ' +
      'send time in the milestone title. deliveries/s: distinct deliveries / (last receipt − first send). Lost: ' +
      'events × subscribers − distinct deliveries (counted per subscriber by cursor) once the writer stopped and ' +
      `up to ${options.drain} s more. CPU in cores over the writing time (other work: the machine's busy cores minus ` +
      `ours, the servers, PostgreSQL, the subscriber processes and the writer); two-instance figures are instance 1 / instance 2.`,
    two
      ? `\nTwo instances, per instance (writer on instance 1): ${two.perServer
          .map(
            (p) =>
              `${p.server}: ${int(p.subscribers)} subscribers, p50 ${ms(p.fromCommit.p50)} ms, p99 ${ms(p.fromCommit.p99)} ms, max ${ms(p.fromCommit.max)} ms`,
          )
          .join('; ')}.`
      : '',
    `\nDelivery order: commit-to-receipt minimum, and mean of the tenth of subscribers that subscribed first / last: ${results
      .flatMap((r) =>
        r.steps.map(
          (st) =>
            `${r.scenario === 'ramp' ? `ramp at ${st.rate}/s` : r.label} ${ms(st.fromCommit.min)} ms, ` +
            `${ms(st.byJoinOrder.firstTenthMs)} / ${ms(st.byJoinOrder.lastTenthMs)} ms`,
        ),
      )
      .join('; ')}.`,
    `\nServer memory (RSS; V8 heap used): ${results
      .map(
        (r) =>
          `${r.label}: ${Object.entries(r.memory)
            .map(
              ([name, m]) =>
                `${r.instances > 1 ? `${name} ` : ''}${m.idle.rssMB} MB idle, ${m.subscribed.rssMB} MB with the subscribers, ` +
                `${r.rssPeakMB[name]} MB peak (heap ${m.peakHeapUsedMB} MB), ` +
                `${m.afterGc.rssMB} MB after a full garbage collection at the end (heap ${m.afterGc.heapUsedMB} MB)`,
            )
            .join('; ')}`,
      )
      .join('; ')}.`,
    `\nSubscriber processes: event-loop delay p99 ${lg
      .map(({ s }) => s.loadGeneratorLoopDelay.map((d) => ms(d.p99)).join('/'))
      .join(', ')} ms per run (a late loop would inflate the latencies it measures).`,
    ...catchupLines,
    disturbed.length
      ? `\n**Other work on the machine used ${disturbed.map((d) => `${cores(d.s.cpu.other)} cores during ${d.r.scenario === 'ramp' ? `the ramp at ${d.s.rate}/s` : d.r.label}`).join(', ')}: read those rows with care.**`
      : '',
    '',
    'Targets:',
    '',
    verdictTable(list),
  ].join('\n');

  console.log(`\n${section}\n`);
  const file = writeJson('fanout', {
    benchmark: 'fanout',
    date: new Date().toISOString(),
    command,
    options: { ...options, database: redact(options.database) },
    machine,
    counts,
    subscription: SUBSCRIPTION,
    targets: TARGETS,
    scenarios: results,
    catchup,
    verdicts: list,
  });
  console.log(`[bench] raw results: ${path.relative(process.cwd(), file)}`);
  if (options.cpuProf)
    console.log(
      `[bench] CPU profiles of the servers: ${path.relative(process.cwd(), RESULTS_DIR)}/*.cpuprofile`,
    );

  const full =
    options.subscribers === FULL.subscribers &&
    options.rate === FULL.rate &&
    options.duration === FULL.duration &&
    options.rampStep === FULL.rampStep &&
    options.rampLimit === FULL.rampLimit &&
    options.catchup === FULL.catchup &&
    options.scenarios.length === SCENARIOS.length &&
    options.serverNodeArgs.length === 0 &&
    !options.compiled &&
    !options.cpuProf;
  if (options.readme ?? full) {
    await replaceReadmeSection('fanout', section);
    console.log('[bench] recorded in bench/README.md');
  } else if (options.readme === undefined) {
    console.log(
      '[bench] not recorded in bench/README.md (not the full settings); pass --readme to record it anyway',
    );
  }
  const failed = results.some((r) => r.scenario !== 'ramp' && r.steps.some((s) => s.lost || s.duplicated));
  if (failed) process.exitCode = 1;
}
