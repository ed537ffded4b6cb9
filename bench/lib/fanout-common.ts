/** Shared pieces of the fan-out benchmark: scenarios, targets, options, operations, small helpers and the GraphQL client. */
// The server's cursor code below declares GraphQL types: decorator metadata first.
import 'reflect-metadata';
import type pg from 'pg';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { seqOfCursor } from '../../server/live/event-log.js';

export const SCENARIOS = ['one', 'two', 'ramp', 'catchup'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const USAGE = `Usage: npm run bench -- fanout [options]

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

export const FULL = {
  subscribers: 5000,
  rate: 2,
  duration: 60,
  rampRates: [2, 5, 10, 20, 40, 80],
  rampStep: 15,
  rampLimit: 250,
  catchup: 10_000,
};

/** The targets of the issue. */
export const TARGETS = { p99Ms: 150, rssMB: 400, deliveriesPerSecond: 10_000, catchupSeconds: 2 };

export const SUBSCRIPTION = `subscription { events(filter: { types: [MILESTONE_ADDED] }) { cursor type occurredAt milestone { title } initiative { code } } }`;
export const CATCHUP_SUBSCRIPTION = `subscription ($after: String) { events(after: $after, filter: { types: [MILESTONE_ADDED] }) { cursor type occurredAt milestone { title } initiative { code } } }`;
export const ADD_MILESTONE = `mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`;

export interface Options {
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const epochMs = () => performance.timeOrigin + performance.now();
export const int = (x: number) => Math.round(x).toLocaleString('en');
export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '-');
export const cores = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(2);
export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Everything started that must be stopped, newest first; run on success, error, signal and timeout. */
export const cleanups: (() => Promise<void> | void)[] = [];
export async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    try {
      await step();
    } catch (err) {
      console.error(`[bench] clean-up: ${(err as Error).message}`);
    }
  }
}

/**
 * Runs a bench with its clean-up guaranteed: on success, failure, SIGINT/SIGTERM, and after `timeoutMinutes`
 * (a stuck bench stops instead of holding the machine).
 */
export async function guarded(
  name: string,
  timeoutMinutes: number,
  body: () => Promise<void>,
): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`[bench] ${name}: still running after ${timeoutMinutes} min; stopping`);
    void cleanUp().then(() => process.exit(1));
  }, timeoutMinutes * 60_000);
  deadline.unref();
  const onSignal = (signal: string) => {
    console.error(`[bench] ${signal}: stopping`);
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await body();
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
}

export async function gql(
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

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** The event cursor of a seq, and back: the server's own encoding. */
export const cursorOf = (seq: number) => encodeCursor([String(seq)]);
export const seqOf = (cursor: string) => Number(seqOfCursor(cursor));

// ---------------------------------------------------------------------------------------------------------
// Database, token, servers

/** What every scenario is run with: the options, the servers' environment and the writer's handles. */
export interface ScenarioContext {
  options: Options;
  env: Record<string, string>;
  nodeArgs: string[];
  /** The driver's connection to the bench database. */
  client: pg.Client;
  /** The writer's bearer token. */
  token: string;
  /** The initiative the writer adds milestones to. */
  initiativeId: string;
}
