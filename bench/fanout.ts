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
 * This file is the command line and the report. The scenarios are in bench/fanout/ (live.ts: one, two, ramp;
 * catchup.ts); what they share in bench/lib/fanout-*.ts (servers, the subscriber cohort, options and helpers).
 * Servers and subscribers run in child processes of their own (bench/servers/romgraph.ts,
 * bench/lib/fanout-subscribers.ts); the writer runs in this process. Everything is on 127.0.0.1.
 */
// The server's cursor code below declares GraphQL types: decorator metadata first.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createClient } from 'redis';
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

import { CatchupResult, catchupScenario } from './fanout/catchup.js';
import { ScenarioResult, liveScenario } from './fanout/live.js';
import {
  FULL,
  Options,
  SCENARIOS,
  SUBSCRIPTION,
  TARGETS,
  USAGE,
  guarded,
  cleanups,
  cores,
  gql,
  int,
  ms,
  redact,
} from './lib/fanout-common.js';
import {
  adminToken,
  buildServer,
  recreateDatabase,
  startServers,
  stopServers,
} from './lib/fanout-servers.js';
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
  const fail = cliFail;
  const number = numberOption;
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
  await guarded('fanout', options.timeoutMinutes, () => runBench(options, args));
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
