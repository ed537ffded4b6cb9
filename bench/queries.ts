/**
 * npm run bench -- queries: our server against PostGraphile v4 on the same database, same run, two read
 * workloads (see bench/README.md):
 *
 *  - dashboard: the first 50 initiatives by code, each with its lead, first 20 active participants (role,
 *    organisation code and name) and milestones; one large response (~70 kB).
 *  - organisation: one organisation by code, the code drawn at random from the synthetic ones per request;
 *    a tiny response, so per-request overhead dominates.
 *
 * Each server runs in its own child process. Per workload and server: a warm-up, a measured closed-loop run
 * (16 connections by default) and a short run at concurrency 1 for latency.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { cpuBetween, snapshot, type CpuUse } from './lib/cpu.js';
import { benchDatabaseUrl, ensureSyntheticData } from './lib/database.js';
import { runLoad, type LoadResult } from './lib/load.js';
import {
  RESULTS_DIR,
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
  type Machine,
} from './lib/report.js';
import { cliFail, numberOption, parseCli } from './lib/cli.js';
import { startServer, type ServerProcess } from './lib/servers.js';

const USAGE = `Usage: npm run bench -- queries [options]

  --duration S        measured seconds per run (default 20)
  --warmup S          warm-up seconds before each measured run (default 5)
  --connections N     concurrent connections of the measured run (default 16)
  --c1-duration S     seconds of the concurrency-1 latency run (default 5; 0 skips it)
  --workloads LIST    dashboard,organisation (default both)
  --pool-size N       PostgreSQL pool size of each server (default 10)
  --organisations N   size of the synthetic network to seed if the database has none (default 10000)
  --no-seed           fail instead of seeding when the synthetic data is missing
  --no-verify         skip the check that both servers return the same data
  --cpu-prof          profile our server (node --cpu-prof); the .cpuprofile lands in bench/results/
  --rate-limit        our server with its rate limits on (budgets no run exhausts), to measure what they cost
  --redis-url URL     our server's Redis (rate-limit counters, wake-ups); default none: counted in memory
  --log-level LEVEL   our server's LOG_LEVEL (default warn: no access log); info writes a JSON line per
                      request, as production does, to bench/results/queries-server.log
  --readme            record the results in bench/README.md even for a quick run
  --no-readme         do not record them (full-settings runs are recorded by default)

Needs DATABASE_URL (see bench/README.md). Quick check: npm run bench -- queries --duration 3 --warmup 1 --c1-duration 2`;

const FULL = { duration: 20, warmup: 5, connections: 16, c1: 5 };

const WORKLOADS = ['dashboard', 'organisation'] as const;
type Workload = (typeof WORKLOADS)[number];
const OURS = 'romgraph';
const POSTGRAPHILE = 'PostGraphile';

/** The two workloads' operations; bench/soak.ts sends ours too. */
export const QUERIES: Record<Workload, { ours: string; postgraphile: string }> = {
  dashboard: {
    ours: `{ initiatives(first: 50) { nodes { code title status lead { name }
      participants(first: 20) { nodes { role organisation { code name } } }
      milestones { title status dueOn } } } }`,
    // PostGraphile's own fields, aliased to our names so that the two responses can be compared. Our server
    // shows anonymous callers PUBLIC initiatives and active (left_on IS NULL) participants, in id order, and
    // milestones by due date (undated last) then id: the conditions and orderings below do the same.
    postgraphile: `{ initiatives: allInitiatives(first: 50, orderBy: CODE_ASC, condition: { visibility: "PUBLIC" }) {
      nodes { code title status lead: organisationByLeadId { name }
        participants: participationsByInitiativeId(first: 20, orderBy: ID_ASC, condition: { leftOn: null }) {
          nodes { role organisation: organisationByOrganisationId { code name } } }
        milestones: milestonesByInitiativeId(orderBy: [DUE_ON_ASC, ID_ASC]) { nodes { title status dueOn } } } } }`,
  },
  organisation: {
    ours: `query ($code: String) { organisation(code: $code) { id code name kind provinces } }`,
    // organisationByCode exists through the @unique smart tag (bench/servers/postgraphile.ts); nodeId is
    // PostGraphile's global id, like our id.
    postgraphile: `query ($code: String!) { organisation: organisationByCode(code: $code) {
      id: nodeId code name kind provinces } }`,
  },
};

interface Options {
  duration: number;
  warmup: number;
  connections: number;
  c1: number;
  workloads: Workload[];
  poolSize: number;
  organisations: number;
  seed: boolean;
  verify: boolean;
  cpuProf: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  rateLimit: boolean;
  redisUrl: string | undefined;
  readme: boolean | undefined;
}

function parseOptions(args: string[]): Options {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      strict: true,
      options: {
        duration: { type: 'string', default: String(FULL.duration) },
        warmup: { type: 'string', default: String(FULL.warmup) },
        connections: { type: 'string', default: String(FULL.connections) },
        'c1-duration': { type: 'string', default: String(FULL.c1) },
        workloads: { type: 'string', default: WORKLOADS.join(',') },
        'pool-size': { type: 'string', default: '10' },
        organisations: { type: 'string', default: '10000' },
        'no-seed': { type: 'boolean', default: false },
        'no-verify': { type: 'boolean', default: false },
        'cpu-prof': { type: 'boolean', default: false },
        'log-level': { type: 'string', default: 'warn' },
        'rate-limit': { type: 'boolean', default: false },
        'redis-url': { type: 'string' },
        readme: { type: 'boolean' },
        'no-readme': { type: 'boolean' },
        help: { type: 'boolean', default: false },
      },
    }),
  );
  const number = numberOption;
  const workloads = values.workloads.split(',').map((w) => w.trim());
  for (const w of workloads) {
    if (!(WORKLOADS as readonly string[]).includes(w)) {
      console.error(`[bench] unknown workload ${w}; choose from ${WORKLOADS.join(', ')}`);
      process.exit(2);
    }
  }
  const logLevel = values['log-level'] as Options['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    cliFail(`--log-level ${JSON.stringify(logLevel)}: choose debug, info, warn or error`);
  }
  return {
    duration: number('duration', values.duration, 1, 3600),
    warmup: number('warmup', values.warmup, 0, 600),
    connections: Math.round(number('connections', values.connections, 1, 1000)),
    c1: number('c1-duration', values['c1-duration'], 0, 600),
    workloads: workloads as Workload[],
    poolSize: Math.round(number('pool-size', values['pool-size'], 1, 200)),
    organisations: Math.round(number('organisations', values.organisations, 10, 1_000_000)),
    seed: !values['no-seed'],
    verify: !values['no-verify'],
    cpuProf: values['cpu-prof'],
    logLevel,
    rateLimit: values['rate-limit'],
    redisUrl: values['redis-url'],
    readme: values['no-readme'] ? false : values.readme,
  };
}

// ---------------------------------------------------------------------------------------------------------

/** A small deterministic PRNG (xorshift32), so both servers get the same sequence of codes. */
export function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

function body(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

async function post(url: string, payload: string): Promise<{ text: string; json: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: payload,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text);
  if (json.errors)
    throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return { text, json };
}

function firstDifference(a: unknown, b: unknown, where = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const diff = firstDifference((a as any)[key], (b as any)[key], `${where}.${key}`);
      if (diff) return diff;
    }
  }
  return `${where}: ours ${JSON.stringify(a)?.slice(0, 200)} vs PostGraphile ${JSON.stringify(b)?.slice(0, 200)}`;
}

interface Prepared {
  bodies: Record<string, string[]>;
  responseBytes: Record<string, number>;
  note: string;
}

async function prepareDashboard(
  ours: ServerProcess,
  other: ServerProcess,
  verify: boolean,
): Promise<Prepared> {
  const bodies = {
    [OURS]: [body(QUERIES.dashboard.ours)],
    [POSTGRAPHILE]: [body(QUERIES.dashboard.postgraphile)],
  };
  const a = await post(ours.url, bodies[OURS][0]);
  const b = await post(other.url, bodies[POSTGRAPHILE][0]);
  const nodes: any[] = a.json.data.initiatives.nodes;
  const participants = nodes.reduce((n, i) => n + i.participants.nodes.length, 0);
  const milestones = nodes.reduce((n, i) => n + i.milestones.length, 0);
  if (verify) {
    // PostGraphile's milestones are a connection ({ nodes: [...] }); ours a list.
    const theirs = structuredClone(b.json);
    for (const i of theirs.data.initiatives.nodes) i.milestones = i.milestones.nodes;
    const diff = firstDifference(a.json, theirs);
    if (diff)
      throw new Error(`[bench] the dashboard responses differ (pass --no-verify to run anyway): ${diff}`);
  }
  const sizes = { [OURS]: Buffer.byteLength(a.text), [POSTGRAPHILE]: Buffer.byteLength(b.text) };
  const note =
    `${nodes.length} initiatives, ${participants} participants, ${milestones} milestones` +
    (verify ? '; same data from both servers' : '');
  console.log(
    `[bench] dashboard: ${note}; response ${sizes[OURS].toLocaleString('en')} B (ours) vs ` +
      `${sizes[POSTGRAPHILE].toLocaleString('en')} B (PostGraphile)`,
  );
  const ratio = sizes[OURS] / sizes[POSTGRAPHILE];
  if (ratio < 0.9 || ratio > 1.1)
    console.warn('[bench] warning: the dashboard responses differ in size by >10 %');
  return { bodies, responseBytes: sizes, note };
}

async function prepareOrganisation(
  ours: ServerProcess,
  other: ServerProcess,
  codes: string[],
  verify: boolean,
): Promise<Prepared> {
  const random = prng(20260601);
  const picks = Array.from({ length: 20_000 }, () => codes[Math.floor(random() * codes.length)]);
  const bodies = {
    [OURS]: picks.map((code) => body(QUERIES.organisation.ours, { code })),
    [POSTGRAPHILE]: picks.map((code) => body(QUERIES.organisation.postgraphile, { code })),
  };
  const sizes = { [OURS]: 0, [POSTGRAPHILE]: 0 };
  const checks = verify ? 50 : 1;
  for (let i = 0; i < checks; i++) {
    const a = await post(ours.url, bodies[OURS][i]);
    const b = await post(other.url, bodies[POSTGRAPHILE][i]);
    sizes[OURS] += Buffer.byteLength(a.text) / checks;
    sizes[POSTGRAPHILE] += Buffer.byteLength(b.text) / checks;
    if (!a.json.data.organisation) throw new Error(`[bench] our server did not find ${picks[i]}`);
    if (verify) {
      // The ids are both opaque global ids, encoded differently.
      const { id: _a, ...mine } = a.json.data.organisation;
      const { id: _b, ...theirs } = b.json.data.organisation ?? {};
      const diff = firstDifference(mine, theirs);
      if (diff)
        throw new Error(`[bench] organisation ${picks[i]} differs (pass --no-verify to run anyway): ${diff}`);
    }
  }
  const note =
    `code drawn per request from ${codes.length.toLocaleString('en')} synthetic organisations` +
    (verify ? `; ${checks} checked equal on both servers` : '');
  console.log(
    `[bench] organisation: ${note}; response ~${Math.round(sizes[OURS])} B (ours) vs ~${Math.round(sizes[POSTGRAPHILE])} B (PostGraphile)`,
  );
  return {
    bodies,
    responseBytes: { [OURS]: Math.round(sizes[OURS]), [POSTGRAPHILE]: Math.round(sizes[POSTGRAPHILE]) },
    note,
  };
}

// ---------------------------------------------------------------------------------------------------------

interface Run {
  workload: Workload;
  server: string;
  load: LoadResult;
  cpu: CpuUse;
  c1: LoadResult | null;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');
const int = (x: number) => Math.round(x).toLocaleString('en');
const cores = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(2));
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '-');

function describeRun(run: Run): string {
  const l = run.load;
  const c1 = run.c1 ? `; c=1 p50 ${ms(run.c1.latency.p50)} ms p99 ${ms(run.c1.latency.p99)} ms` : '';
  const failures = l.errors + l.timeouts + l.non2xx;
  return (
    `${int(l.requestsPerSecond)} req/s, p50 ${ms(l.latency.p50)} ms, p99 ${ms(l.latency.p99)} ms${c1}; ` +
    `CPU: server ${cores(run.cpu.servers[run.server])}, PostgreSQL ${cores(run.cpu.postgres)}, ` +
    `load generator ${cores(run.cpu.loadGenerator)}, machine ${cores(run.cpu.machine)} of ${run.cpu.machineCores} cores` +
    (failures ? `; ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx` : '')
  );
}

function resultsTable(runs: Run[], prepared: Partial<Record<Workload, Prepared>>): string {
  const header = [
    'workload',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'c=1 p50 ms',
    'c=1 p99 ms',
    'server CPU ms/req',
    'PostgreSQL CPU ms/req',
    'server cores',
    'PostgreSQL cores',
    'response bytes',
  ];
  const rows: string[][] = [];
  for (const workload of WORKLOADS) {
    const ours = runs.find((r) => r.workload === workload && r.server === OURS);
    const theirs = runs.find((r) => r.workload === workload && r.server === POSTGRAPHILE);
    for (const run of [ours, theirs]) {
      if (!run) continue;
      const rps = run.load.requestsPerSecond;
      const serverCores = run.cpu.servers[run.server];
      rows.push([
        workload,
        run.server,
        int(rps),
        ms(run.load.latency.p50),
        ms(run.load.latency.p99),
        run.c1 ? ms(run.c1.latency.p50) : '-',
        run.c1 ? ms(run.c1.latency.p99) : '-',
        ms((serverCores / rps) * 1000),
        run.cpu.postgres === null ? '-' : ms((run.cpu.postgres / rps) * 1000),
        cores(serverCores),
        cores(run.cpu.postgres),
        int(prepared[workload]?.responseBytes[run.server] ?? run.load.bytesPerResponse),
      ]);
    }
    if (ours && theirs) {
      const ratio = (a: number | undefined, b: number | undefined) =>
        a !== undefined && b !== undefined ? times(a / b) : '-';
      const perRequest = (r: Run, c: number | null) =>
        c === null ? undefined : c / r.load.requestsPerSecond;
      rows.push([
        workload,
        '**ours / PostGraphile**',
        `**${times(ours.load.requestsPerSecond / theirs.load.requestsPerSecond)}**`,
        ratio(ours.load.latency.p50, theirs.load.latency.p50),
        ratio(ours.load.latency.p99, theirs.load.latency.p99),
        ratio(ours.c1?.latency.p50, theirs.c1?.latency.p50),
        ratio(ours.c1?.latency.p99, theirs.c1?.latency.p99),
        ratio(perRequest(ours, ours.cpu.servers[OURS]), perRequest(theirs, theirs.cpu.servers[POSTGRAPHILE])),
        ratio(perRequest(ours, ours.cpu.postgres), perRequest(theirs, theirs.cpu.postgres)),
        '',
        '',
        '',
      ]);
    }
  }
  return markdownTable(header, rows);
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const url = benchDatabaseUrl();
  const found = await ensureSyntheticData(url, options.organisations, options.seed);

  const client = new pg.Client({ connectionString: url, application_name: 'bench driver' });
  client.on('error', (err) => console.error('[bench] driver connection error', err));
  await client.connect();
  const [{ server_version: postgresVersion }] = (await client.query('SHOW server_version')).rows;
  const codes = (
    await client.query<{ code: string }>(
      `SELECT code FROM organisations WHERE code LIKE 'SYN\\_ORG\\_%' ORDER BY code`,
    )
  ).rows.map((r) => r.code);
  const [counts] = (
    await client.query(`SELECT (SELECT count(*)::int FROM organisations) AS organisations,
      (SELECT count(*)::int FROM initiatives) AS initiatives,
      (SELECT count(*)::int FROM participations) AS participations,
      (SELECT count(*)::int FROM milestones) AS milestones,
      (SELECT count(*)::int FROM partnerships) AS partnerships`)
  ).rows;
  const machine: Machine = describeMachine(postgresVersion);
  const postgraphileVersion = (
    createRequire(import.meta.url)('postgraphile/package.json') as { version: string }
  ).version;
  console.log(`[bench] ${machineLine(machine)}`);
  console.log(
    `[bench] data: ${found.toLocaleString('en')} synthetic organisations; in total ${JSON.stringify(counts)}`,
  );

  // NODE_ENV=production as in a deployment: graphql-js (in both servers) skips its development-only checks.
  const env = {
    BENCH_DATABASE_URL: url,
    BENCH_PG_POOL_SIZE: String(options.poolSize),
    NODE_ENV: 'production',
  };
  const profileArgs = options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', RESULTS_DIR] : [];
  const servers = await Promise.all([
    startServer({
      name: OURS,
      entry: 'servers/romgraph.ts',
      env: {
        ...env,
        BENCH_LOG_LEVEL: options.logLevel,
        BENCH_RATE_LIMIT: String(options.rateLimit),
        ...(options.redisUrl ? { BENCH_REDIS_URL: options.redisUrl } : {}),
      },
      nodeArgs: profileArgs,
      // The access log goes where production sends it, out of the process, not to this terminal.
      stdoutTo: options.logLevel === 'warn' ? undefined : path.join(RESULTS_DIR, 'queries-server.log'),
    }),
    startServer({ name: POSTGRAPHILE, entry: 'servers/postgraphile.ts', env }),
  ]);
  const [ours, other] = servers;
  console.log(
    `[bench] ${OURS} at ${ours.url} (pid ${ours.pid}); PostGraphile ${postgraphileVersion} at ${other.url} (pid ${other.pid})`,
  );

  const runs: Run[] = [];
  const prepared: Partial<Record<Workload, Prepared>> = {};
  try {
    for (const workload of options.workloads) {
      prepared[workload] =
        workload === 'dashboard'
          ? await prepareDashboard(ours, other, options.verify)
          : await prepareOrganisation(ours, other, codes, options.verify);
    }
    for (const workload of options.workloads) {
      for (const server of servers) {
        const bodies = prepared[workload]!.bodies[server.name];
        const label = `[bench] ${workload} · ${server.name}`;
        if (options.warmup > 0) {
          process.stdout.write(`${label}: warm-up ${options.warmup} s ... `);
          await runLoad({
            url: server.url,
            connections: options.connections,
            seconds: options.warmup,
            bodies,
          });
        } else process.stdout.write(`${label}: `);
        process.stdout.write(`measuring ${options.duration} s at ${options.connections} connections ... `);
        const before = await snapshot(client, servers);
        const load = await runLoad({
          url: server.url,
          connections: options.connections,
          seconds: options.duration,
          bodies,
        });
        const after = await snapshot(client, servers);
        let c1: LoadResult | null = null;
        if (options.c1 > 0) {
          process.stdout.write(`concurrency 1 for ${options.c1} s ... `);
          c1 = await runLoad({ url: server.url, connections: 1, seconds: options.c1, bodies });
        }
        const result: Run = {
          workload,
          server: server.name,
          load,
          cpu: cpuBetween(before, after, machine.cores),
          c1,
        };
        runs.push(result);
        console.log(`\n${label}: ${describeRun(result)}`);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await client.end();
  }

  const failures = runs.reduce((n, r) => n + r.load.errors + r.load.timeouts + r.load.non2xx, 0);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const command = `DATABASE_URL=${redact(url)} npm run bench -- queries${args.length ? ` ${args.join(' ')}` : ''}`;
  const settings =
    `${options.connections} connections, ${options.warmup} s warm-up, ${options.duration} s measured` +
    (options.c1 > 0 ? `, then ${options.c1} s at concurrency 1` : '') +
    `; pool size ${options.poolSize} each; our LOG_LEVEL ${options.logLevel}` +
    (options.logLevel === 'warn' ? ' (no access log)' : ' (access log to a file)') +
    `, rate limits ${options.rateLimit ? 'on' : 'off'}` +
    (options.redisUrl ? `, Redis ${options.redisUrl}` : '') +
    `; PostGraphile ${postgraphileVersion}`;
  const table = resultsTable(runs, prepared);
  const section = [
    `### Latest recorded run: ${date} UTC`,
    '',
    `Command: \`${command}\``,
    '',
    `Settings: ${settings}.`,
    '',
    `Machine: ${machineLine(machine)}.`,
    '',
    `Data: ${counts.organisations.toLocaleString('en')} organisations, ${counts.initiatives.toLocaleString('en')} initiatives, ` +
      `${counts.participations.toLocaleString('en')} participations, ${counts.milestones.toLocaleString('en')} milestones, ` +
      `${counts.partnerships.toLocaleString('en')} partnerships. ` +
      options.workloads.map((w) => `${w}: ${prepared[w]?.note}.`).join(' '),
    '',
    table,
    '',
    'req/s: higher is better. Latencies (ms) and CPU per request: lower is better. Ratios are ours / PostGraphile, so',
    'above 1× is better for req/s and worse for everything else. "cores": average CPU use during the measured run',
    '(1.00 = one core busy all the time); PostgreSQL counts the backends of the bench database only.',
    failures ? `\n**${failures} requests failed (errors, timeouts or non-2xx); see the JSON results.**` : '',
  ].join('\n');

  console.log(`\n${section}\n`);
  const file = writeJson('queries', {
    benchmark: 'queries',
    date: new Date().toISOString(),
    command,
    options,
    machine,
    postgraphile: postgraphileVersion,
    counts,
    queries: QUERIES,
    prepared: Object.fromEntries(
      Object.entries(prepared).map(([w, p]) => [w, { responseBytes: p.responseBytes, note: p.note }]),
    ),
    runs,
  });
  console.log(`[bench] raw results: ${path.relative(process.cwd(), file)}`);
  if (options.cpuProf)
    console.log(
      `[bench] CPU profile of our server: ${path.relative(process.cwd(), RESULTS_DIR)}/*.cpuprofile`,
    );

  const full =
    options.duration === FULL.duration &&
    options.warmup === FULL.warmup &&
    options.connections === FULL.connections &&
    options.c1 >= FULL.c1 &&
    options.workloads.length === WORKLOADS.length &&
    !options.cpuProf;
  if (options.readme ?? full) {
    await replaceReadmeSection('queries', section);
    console.log('[bench] recorded in bench/README.md');
  } else if (options.readme === undefined) {
    console.log(
      '[bench] not recorded in bench/README.md (not the full settings); pass --readme to record it anyway',
    );
  }
  if (failures) process.exitCode = 1;
}
