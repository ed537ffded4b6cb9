/**
 * npm run bench -- rate-limit: what the rate limits cost one operation, in CPU of the server's process, counted
 * in memory and in Redis, for one busy caller and for many. The lookup workload of `npm run bench -- queries`
 * spends ~0.4 ms of CPU a request on this machine class, so 20 us here is 5 % there; the end-to-end runs are
 * too noisy on a shared machine to see a few microseconds, this isolates them (see bench/README.md).
 */
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { RateLimits } from '../server/infra/http/rate-limit.js';
import { cliFail, numberOption, parseCli } from './lib/cli.js';
import { markdownTable, writeJson } from './lib/report.js';

const USAGE = `Usage: npm run bench -- rate-limit [options]

  --operations N   operations measured per case (default 100000)
  --concurrency N  operations in flight at once, as requests are on a busy server (default 16)
  --callers LIST   numbers of distinct callers the operations come from (default 1,500)
  --rounds N       times each case runs, alternating (default 2)
  --redis-url URL  the Redis of the shared counters (default redis://127.0.0.1:6379)`;

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;

interface Case {
  store: 'memory' | 'Redis';
  callers: number;
  cpuMicros: number[];
  wallMicros: number[];
}

async function measure(
  store: Case['store'],
  callers: number,
  operations: number,
  concurrency: number,
  redisUrl: string,
): Promise<{ cpu: number; wall: number }> {
  // Budgets no run exhausts, under a prefix of this run's own.
  const limits = new RateLimits(
    {
      enabled: true,
      pointsPerHour: 1e9,
      anonymousPointsPerHour: 1e9,
      burstPerMinute: 1e9,
      keyPrefix: `bench:rl:${process.pid}:${Date.now()}:`,
    },
    store === 'Redis' ? redisUrl : undefined,
    quiet,
  );
  limits.start();
  try {
    if (store === 'Redis') await new Promise((resolve) => setTimeout(resolve, 300)); // connected
    const run = async (n: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < n) await limits.consume(`key:${next++ % callers}`, false, 1);
        }),
      );
    };
    await run(Math.min(20_000, operations)); // warm-up: the JIT, and the callers' allowances grown
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await run(operations);
    const cpu = process.cpuUsage(cpu0);
    return {
      cpu: (cpu.user + cpu.system) / operations,
      wall: ((performance.now() - t0) * 1000) / operations,
    };
  } finally {
    await limits.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      options: {
        operations: { type: 'string', default: '100000' },
        concurrency: { type: 'string', default: '16' },
        callers: { type: 'string', default: '1,500' },
        rounds: { type: 'string', default: '2' },
        'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
        help: { type: 'boolean', default: false },
      },
    }),
  );
  const operations = numberOption('operations', values.operations, 1000, 10_000_000);
  const concurrency = numberOption('concurrency', values.concurrency, 1, 1000);
  const rounds = numberOption('rounds', values.rounds, 1, 20);
  const callers = values.callers.split(',').map((c) => numberOption('callers', c, 1, 1_000_000));
  // Without Redis the limits would quietly count in memory: say so instead.
  const probe = createClient({ url: values['redis-url'], socket: { reconnectStrategy: false } });
  await probe
    .connect()
    .then(() => probe.close())
    .catch((err: Error) => cliFail(`no Redis at ${values['redis-url']}: ${err.message}`));
  const cases: Case[] = [];
  for (const store of ['memory', 'Redis'] as const)
    for (const n of callers) cases.push({ store, callers: n, cpuMicros: [], wallMicros: [] });
  for (let round = 0; round < rounds; round++)
    for (const c of cases) {
      const { cpu, wall } = await measure(c.store, c.callers, operations, concurrency, values['redis-url']);
      c.cpuMicros.push(cpu);
      c.wallMicros.push(wall);
      console.log(
        `[bench] ${c.store}, ${c.callers} caller(s): ${cpu.toFixed(1)} us CPU, ${wall.toFixed(1)} us wall an operation`,
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\n${operations.toLocaleString('en')} operations per case, ${concurrency} in flight, ${rounds} round(s)\n\n` +
      markdownTable(
        ['counters', 'callers', 'CPU us/op, each round', 'median', 'wall us/op, median'],
        cases.map((c) => [
          c.store,
          c.callers.toLocaleString('en'),
          c.cpuMicros.map((x) => x.toFixed(1)).join(', '),
          median(c.cpuMicros).toFixed(1),
          median(c.wallMicros).toFixed(1),
        ]),
      ),
  );
  console.log(
    `\n[bench] raw results: ${writeJson('rate-limit', { operations, concurrency, rounds, cases })}`,
  );
}
