/**
 * npm run bench -- <name> [options]: runs one benchmark. `npm run bench -- <name> --help` lists its options;
 * bench/README.md says what each measures and how to read the results.
 */
const BENCHMARKS: Record<
  string,
  { about: string; load: () => Promise<{ run(args: string[]): Promise<void> }> }
> = {
  queries: {
    about: 'our server vs PostGraphile v4: dashboard page and organisation lookup (req/s, p50, p99)',
    load: () => import('./queries.js'),
  },
  graph: {
    about:
      'the graph engine: neighbourhood, shortestPath, matrix, metrics (p50/p95 at concurrency 1), start-up, CTE',
    load: () => import('./graph.js'),
  },
  questions: {
    about:
      'the thirteen dashboard questions at 10,000 organisations: p50/p95 at concurrency 1, statements each',
    load: () => import('./questions.js'),
  },
  notifications: {
    about: 'the inbox at 100,000 events and 5,000 people with three follows: first and second page, p50/p95',
    load: () => import('./notifications.js'),
  },
  web: {
    about:
      'the dashboard in Chromium: first-view JS size, time to interactive, pan/zoom fps at 10,000 organisations',
    load: () => import('./web.js'),
  },
  fanout: {
    about: 'live events over WebSocket: commit-to-receipt latency for 5,000 subscribers, 1 and 2 instances',
    load: () => import('./fanout.js'),
  },
  'rate-limit': {
    about:
      'what the rate limits cost an operation in CPU, counted in memory and in Redis, one caller and many',
    load: () => import('./rate-limit.js'),
  },
  soak: {
    about:
      '10 minutes of steady mixed load (queries, mutations, 1,000 subscribers, a webhook), limits on: minute by minute',
    load: () => import('./soak.js'),
  },
};

function usage(): string {
  return [
    'Usage: npm run bench -- <name> [options]',
    '',
    ...Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(10)} ${b.about}`),
    '',
    'queries, graph, questions, notifications and soak need DATABASE_URL; fanout makes its own database. See bench/README.md.',
  ].join('\n');
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log(usage());
  process.exit(name ? 0 : 2);
}
const benchmark = BENCHMARKS[name];
if (!benchmark) {
  console.error(`[bench] unknown benchmark ${JSON.stringify(name)}\n\n${usage()}`);
  process.exit(2);
}
try {
  await (await benchmark.load()).run(args);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  if (err instanceof Error && !err.message.startsWith('[bench]')) console.error(err.stack);
  process.exit(1);
}
