/**
 * npm run bench -- graph: the graph engine on the synthetic network (see bench/README.md).
 *
 * - start-up: loading the network's facts from PostgreSQL, and the memory they take;
 * - latency at concurrency 1 over HTTP, parameters drawn from a fixed pseudo-random sequence: neighbourhood
 *   (depth 1, and depth 2 over partnerships), shortestPath between random pairs, collaborationMatrix(kind: ROM),
 *   networkMetrics(kind: ROM) once computed;
 * - a full-network recomputation of the metrics after a change, and the shortestPath p99 while it runs;
 * - shortestPath as a recursive CTE in PostgreSQL over the same tables, for the same pairs, side by side.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import { createDataSource } from '../server/data-source.js';
import { Database } from '../server/infra/db/database.js';
import { NetworkFacts } from '../server/graph/facts.js';
import { importReferenceData } from '../server/seed/importer.js';
import { adminToken } from './lib/fanout-servers.js';
import { benchDatabaseUrl, ensureSyntheticData } from './lib/database.js';
import { parseCli } from './lib/cli.js';
import {
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
} from './lib/report.js';
import { startServer, type ServerProcess } from './lib/servers.js';

const USAGE = `Usage: npm run bench -- graph [options]

  --requests N        requests per query at concurrency 1 (default 200)
  --cte-pairs N       pairs the recursive CTE is timed on (default 20; 0 skips it)
  --cte-timeout S     statement timeout of one CTE, seconds (default 20)
  --organisations N   size of the synthetic network to seed if the database has none (default 10000)
  --no-seed           fail instead of seeding when the synthetic data is missing
  --no-recompute      skip the full recomputation of the metrics after a change
  --no-metrics        skip the metrics altogether (for networks too large to compute them in minutes)
  --readme            record the results in bench/README.md even for a non-default run
  --no-readme         do not record them (default runs are recorded)

Needs DATABASE_URL (see bench/README.md). Quick check: npm run bench -- graph --requests 30 --cte-pairs 3`;

const TARGET_P95_MS = 20;
const TARGET_RECOMPUTE_S = 30;
const TARGET_STARTUP_S = 3;

interface Timing {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  refused: number;
  note: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** A fixed pseudo-random sequence (the same pairs every run). */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function time(
  name: string,
  n: number,
  request: (i: number) => Promise<{ data?: any; errors?: { message: string }[] }>,
  note = '',
): Promise<Timing> {
  const times: number[] = [];
  const edges: number[] = [];
  let refused = 0;
  let lastError = '';
  for (let i = 0; i < n; i++) {
    const began = performance.now();
    const res = await request(i);
    times.push(performance.now() - began);
    const graph = res.data?.neighbourhood;
    if (graph) edges.push(graph.edges.length);
    if (res.errors?.length) {
      refused++;
      lastError = res.errors[0]!.message;
    }
  }
  times.sort((a, b) => a - b);
  edges.sort((a, b) => a - b);
  if (edges.length) {
    note = [note, `answers of ${percentile(edges, 50)} edges (median), ${percentile(edges, 95)} (p95)`]
      .filter(Boolean)
      .join('; ');
  }
  const why = refused ? `${refused} of ${n} refused: ${lastError.slice(0, 120)}` : '';
  return {
    name,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    refused,
    note: [note, why].filter(Boolean).join('; '),
  };
}

/** Facts loaded in this process: time and heap (after full garbage collections). */
async function measureLoad(url: string): Promise<{ ms: number; heapMB: number; facts: NetworkFacts }> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const dataSource = createDataSource({ url } as never);
  await dataSource.initialize();
  try {
    const db = new Database(dataSource);
    // The ROMs (collaborationMatrix(kind: ROM), networkMetrics(kind: ROM)) are in the reference network.
    const [{ roms }] = await db.read<{ roms: number }>(
      `SELECT count(*)::int AS roms FROM organisations WHERE kind = 'ROM'`,
    );
    if (roms === 0) {
      console.log('[bench] no ROMs yet: importing the reference network beside the synthetic one');
      await importReferenceData(db);
    }
    await db.read('SELECT 1'); // the connection is open
    gc();
    const before = process.memoryUsage().heapUsed;
    const began = performance.now();
    const facts = await NetworkFacts.load(db);
    const took = performance.now() - began;
    gc();
    return { ms: took, heapMB: (process.memoryUsage().heapUsed - before) / 2 ** 20, facts };
  } finally {
    await dataSource.destroy();
  }
}

const CTE = `
WITH RECURSIVE ties(a, b) AS (
  SELECT from_id, to_id FROM partnerships WHERE until IS NULL
  UNION ALL SELECT to_id, from_id FROM partnerships WHERE until IS NULL
  UNION ALL
  SELECT p1.organisation_id, p2.organisation_id
    FROM participations p1 JOIN participations p2
      ON p2.initiative_id = p1.initiative_id AND p2.organisation_id <> p1.organisation_id
   WHERE p1.left_on IS NULL AND p2.left_on IS NULL
), walk(node, depth, path) AS (
  SELECT $1::int, 0, ARRAY[$1::int]
  UNION ALL
  SELECT t.b, w.depth + 1, w.path || t.b
    FROM walk w JOIN ties t ON t.a = w.node
   WHERE w.depth < $3 AND t.b <> ALL (w.path) AND w.node <> $2
)
SELECT path FROM walk WHERE node = $2 ORDER BY depth LIMIT 1`;

export async function run(args: string[]): Promise<void> {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      options: {
        requests: { type: 'string', default: '200' },
        'cte-pairs': { type: 'string', default: '20' },
        'cte-timeout': { type: 'string', default: '20' },
        organisations: { type: 'string', default: '10000' },
        'no-seed': { type: 'boolean', default: false },
        'no-recompute': { type: 'boolean', default: false },
        'no-metrics': { type: 'boolean', default: false },
        readme: { type: 'boolean' },
        'no-readme': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }),
  );
  const requests = Number(values.requests);
  const ctePairs = Number(values['cte-pairs']);
  const url = benchDatabaseUrl();
  const organisations = await ensureSyntheticData(url, Number(values.organisations), !values['no-seed']);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const postgres = (await client.query('SHOW server_version')).rows[0].server_version as string;
  const machine = describeMachine(postgres);

  console.log('[bench] loading the network in this process (start-up cost, memory)');
  const load = await measureLoad(url);
  const facts = load.facts;
  const counts = {
    organisations: facts.organisations.size,
    initiatives: facts.initiatives.size,
    participations: [...facts.initiatives.values()].reduce((n, i) => n + i.participations.length, 0),
    partnerships: facts.partnerships.size,
  };
  console.log(`[bench] ${JSON.stringify(counts)}: ${ms(load.ms)} ms, ${load.heapMB.toFixed(0)} MB of heap`);

  const secret = randomBytes(48).toString('base64');
  const server: ServerProcess = await startServer({
    name: 'romgraph',
    entry: 'servers/romgraph.ts',
    env: { BENCH_DATABASE_URL: url, BENCH_JWT_SECRET: secret },
    timeoutMs: 120_000,
  });
  const results: Record<string, unknown> = { machine, counts, load: { ms: load.ms, heapMB: load.heapMB } };
  try {
    const token = await adminToken(secret, 2);
    const all = (await post(server.url, `{ organisations(first: 1) { totalCount } }`, {})).data.organisations
      .totalCount as number;
    const ids: string[] = [];
    for (let after: string | null = null; ids.length < all;) {
      const page: any = await post(
        server.url,
        `query ($after: String) { organisations(first: 100, after: $after) { pageInfo { endCursor hasNextPage } nodes { id } } }`,
        { after },
      );
      ids.push(...page.data.organisations.nodes.map((n: { id: string }) => n.id));
      if (!page.data.organisations.pageInfo.hasNextPage) break;
      after = page.data.organisations.pageInfo.endCursor;
    }
    const random = sequence(20_261_201);
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    const pairs = Array.from({ length: Math.max(requests, ctePairs) }, () => [pick(), pick()] as const);
    const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $edgeKinds: [GraphEdgeKind!]) { neighbourhood(organisationId: $id, depth: $depth, edgeKinds: $edgeKinds) { nodes { id } edges { source target kind weight } } }`;
    const PATH = `query ($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) { length organisations { code } } }`;
    const MATRIX = `{ collaborationMatrix(kind: ROM) { organisations { code } counts } }`;
    const METRICS = `{ networkMetrics(kind: ROM) { organisation { code } degree betweenness closeness community bridge computedAt } }`;

    // Warm-up: the adjacency of the view and the statements.
    await post(server.url, PATH, { from: pairs[0]![0], to: pairs[0]![1] });
    const timings: Timing[] = [];
    timings.push(
      await time('neighbourhood, depth 1', requests, (i) =>
        post(server.url, NEIGHBOURHOOD, { id: pairs[i]![0], depth: 1 }),
      ),
    );
    timings.push(
      await time('neighbourhood, depth 2, partnerships', requests, (i) =>
        post(server.url, NEIGHBOURHOOD, { id: pairs[i]![0], depth: 2, edgeKinds: ['PARTNERSHIP'] }),
      ),
    );
    timings.push(
      await time(
        'neighbourhood, depth 2, every tie',
        Math.min(requests, 50),
        (i) => post(server.url, NEIGHBOURHOOD, { id: pairs[i]![0], depth: 2 }),
        'most are larger than one answer may hold (GRAPH_MAX_EDGES) and refused before they are built',
      ),
    );
    const pathLengths: number[] = [];
    timings.push(
      await time('shortestPath, random pairs', requests, async (i) => {
        const res = await post(server.url, PATH, { from: pairs[i]![0], to: pairs[i]![1] });
        if (res.data?.shortestPath) pathLengths.push(res.data.shortestPath.length);
        return res;
      }),
    );
    timings.push(await time('collaborationMatrix(kind: ROM)', requests, () => post(server.url, MATRIX, {})));
    let firstMetricsS = NaN;
    if (!values['no-metrics']) {
      const first = performance.now();
      for (;;) {
        const res = await post(server.url, METRICS, {});
        if (!res.errors) break;
        if (performance.now() - first > 15 * 60_000)
          throw new Error('[bench] metrics not computed in 15 minutes');
        await sleep(500);
      }
      firstMetricsS = (performance.now() - first) / 1000;
      timings.push(
        await time('networkMetrics(kind: ROM), served', requests, () => post(server.url, METRICS, {})),
      );
    }

    let recompute: { seconds: number; idleP99: number; duringP99: number } | null = null;
    if (!values['no-recompute'] && !values['no-metrics']) {
      const before = (await post(server.url, METRICS, {})).data.networkMetrics[0].computedAt as string;
      const initiative = (
        await post(server.url, `{ initiatives(first: 1, filter: { search: "SYN" }) { nodes { id } } }`, {})
      ).data.initiatives.nodes[0].id;
      const newcomer = pairs[1]![1];
      const join = await post(
        server.url,
        `mutation ($i: ID!, $o: ID!) { joinInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
        { i: initiative, o: newcomer },
        token,
      );
      if (join.errors) console.log(`[bench] join for the recomputation: ${join.errors[0]!.message}`);
      const changed = performance.now();
      const during: number[] = [];
      let k = 0;
      for (;;) {
        const began = performance.now();
        await post(server.url, PATH, { from: pairs[k % requests]![0], to: pairs[k % requests]![1] });
        during.push(performance.now() - began);
        k++;
        if (k % 10 === 0) {
          const now = (await post(server.url, METRICS, {})).data.networkMetrics[0].computedAt as string;
          if (now !== before) break;
        }
        if (performance.now() - changed > 15 * 60_000)
          throw new Error('[bench] recomputation did not finish in 15 minutes');
      }
      const seconds = (performance.now() - changed) / 1000;
      await post(
        server.url,
        `mutation ($i: ID!, $o: ID!) { leaveInitiative(input: { initiativeId: $i, organisationId: $o }) { id } }`,
        { i: initiative, o: newcomer },
        token,
      );
      during.sort((a, b) => a - b);
      const idle = timings.find((t) => t.name.startsWith('shortestPath'))!;
      recompute = { seconds, idleP99: idle.p99, duringP99: percentile(during, 99) };
    }

    let cte: { pairs: number; finished: number; p50: number; oursP50: number; timeouts: number } | null =
      null;
    if (ctePairs > 0) {
      console.log(`[bench] the recursive CTE on ${ctePairs} pairs (timeout ${values['cte-timeout']} s each)`);
      await client.query(`SET statement_timeout = ${Number(values['cte-timeout']) * 1000}`);
      const decode = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
      const cteTimes: number[] = [];
      const oursTimes: number[] = [];
      let timeouts = 0;
      for (let i = 0; i < ctePairs; i++) {
        const [from, to] = pairs[i]!;
        const ours = performance.now();
        const path = await post(server.url, PATH, { from, to });
        oursTimes.push(performance.now() - ours);
        const depth = Math.min(path.data?.shortestPath?.length ?? 6, 6);
        const began = performance.now();
        try {
          await client.query(CTE, [decode(from), decode(to), depth]);
          cteTimes.push(performance.now() - began);
        } catch (err) {
          if ((err as { code?: string }).code !== '57014') throw err;
          timeouts++;
        }
      }
      cteTimes.sort((a, b) => a - b);
      oursTimes.sort((a, b) => a - b);
      cte = {
        pairs: ctePairs,
        finished: cteTimes.length,
        p50: percentile(cteTimes, 50),
        oursP50: percentile(oursTimes, 50),
        timeouts,
      };
    }

    const rss = (await server.cpu(false)).rssBytes / 2 ** 20;
    Object.assign(results, { timings, pathLengths, firstMetricsS, recompute, cte, serverRssMB: rss });
    const file = writeJson('graph', results);

    const met = (ok: boolean) => (ok ? 'yes' : 'no');
    const lengths = pathLengths.reduce<Record<number, number>>(
      (acc, l) => ((acc[l] = (acc[l] ?? 0) + 1), acc),
      {},
    );
    const report = [
      `### Latest recorded run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Command: \`DATABASE_URL=${url.replace(/:[^:@/]+@/, ':***@')} npm run bench -- graph${args.length ? ` ${args.join(' ')}` : ''}\``,
      '',
      `Machine: ${machineLine(machine)}.`,
      '',
      `Data: ${counts.organisations.toLocaleString('en')} organisations, ${counts.initiatives.toLocaleString('en')} initiatives, ${counts.participations.toLocaleString('en')} participations, ${counts.partnerships.toLocaleString('en')} partnerships (${organisations.toLocaleString('en')} synthetic organisations). Server RSS at the end: ${rss.toFixed(0)} MB.`,
      '',
      `Start-up: the network's facts load in ${ms(load.ms)} ms and take ${load.heapMB.toFixed(0)} MB of heap. ${Number.isFinite(firstMetricsS) ? `First metrics of the network (worker start and full computation): ${firstMetricsS.toFixed(1)} s.` : 'Metrics not measured (--no-metrics).'}`,
      '',
      markdownTable(
        ['query (concurrency 1, over HTTP)', 'p50 ms', 'p95 ms', 'p99 ms', 'note'],
        timings.map((t) => [t.name, ms(t.p50), ms(t.p95), ms(t.p99), t.note]),
      ),
      '',
      `Shortest path lengths found: ${
        Object.entries(lengths)
          .map(([l, n]) => `${n} of ${l} hops`)
          .join(', ') || 'none'
      }.`,
      '',
      recompute
        ? `Full recomputation of the metrics after a change: ${recompute.seconds.toFixed(1)} s; shortestPath p99 ${ms(recompute.idleP99)} ms idle, ${ms(recompute.duringP99)} ms while it ran (${((recompute.duringP99 / recompute.idleP99 - 1) * 100).toFixed(0)} %).`
        : '',
      '',
      cte
        ? `Recursive CTE in PostgreSQL for shortestPath (what a PostGraphile or Hasura user writes), same pairs, depth limited to the length we found: ${cte.finished} of ${cte.pairs} finished within the timeout, p50 ${ms(cte.p50)} ms against our ${ms(cte.oursP50)} ms (${Number.isFinite(cte.p50) ? `${(cte.p50 / cte.oursP50).toFixed(0)}×` : '-'}); ${cte.timeouts} timed out.`
        : '',
      '',
      markdownTable(
        ['target', 'measured', 'met'],
        [
          ...timings
            .filter((t) => !t.name.includes('every tie'))
            .map((t) => [
              `${t.name}: p95 ≤ ${TARGET_P95_MS} ms`,
              `${ms(t.p95)} ms`,
              met(t.p95 <= TARGET_P95_MS),
            ]),
          ...(recompute
            ? [
                [
                  `full recomputation ≤ ${TARGET_RECOMPUTE_S} s`,
                  `${recompute.seconds.toFixed(1)} s`,
                  met(recompute.seconds <= TARGET_RECOMPUTE_S),
                ],
                [
                  'query p99 during it ≤ +20 %',
                  `${((recompute.duringP99 / recompute.idleP99 - 1) * 100).toFixed(0)} %`,
                  met(recompute.duringP99 <= recompute.idleP99 * 1.2),
                ],
              ]
            : []),
          [
            `start-up load ≤ ${TARGET_STARTUP_S} s`,
            `${(load.ms / 1000).toFixed(2)} s`,
            met(load.ms <= TARGET_STARTUP_S * 1000),
          ],
        ],
      ),
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n');
    console.log(`\n${report}\n\n[bench] raw results: ${file}`);
    const isDefault = args.length === 0;
    // A network of another size gets a section of its own (graph-100k), beside the default one.
    const section = organisations === 10_000 ? 'graph' : `graph-${Math.round(organisations / 1000)}k`;
    if (values.readme ?? (isDefault && !values['no-readme'])) await replaceReadmeSection(section, report);
  } finally {
    await server.stop();
    await client.end();
  }
}
