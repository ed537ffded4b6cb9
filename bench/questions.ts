/**
 * npm run bench -- questions: the thirteen dashboard questions (schema/operations/questions) on the synthetic
 * network of 10,000 organisations beside the reference network, at concurrency 1 over HTTP, as a VIEWER of a ROM
 * (the caller whose answers carry amounts). Per question: p50, p95 and p99 latency, and the SQL statements one
 * answer takes (the same numbers test/questions checks on the reference network alone: fixed whatever the data).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { TokenService } from '../server/infra/auth/tokens.js';
import { Role } from '../server/vocabulary.js';
import { loadQuestions, type Question } from '../scripts/lib/questions.js';
import { benchDatabaseUrl, ensureSyntheticData, migrateWithReferenceData } from './lib/database.js';
import { parseCli } from './lib/cli.js';
import {
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
} from './lib/report.js';
import { startServer } from './lib/servers.js';

const USAGE = `Usage: npm run bench -- questions [options]

  --requests N        requests per question at concurrency 1 (default 200)
  --organisations N   size of the synthetic network to seed if the database has none (default 10000)
  --no-seed           fail instead of seeding when the synthetic data is missing
  --readme            record the results in bench/README.md even for a non-default run
  --no-readme         do not record them (default runs are recorded)

Needs DATABASE_URL (see bench/README.md). Quick check: npm run bench -- questions --requests 20 --no-readme`;

const TARGET_P95_MS = 50;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function run(args: string[]): Promise<void> {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      options: {
        requests: { type: 'string', default: '200' },
        organisations: { type: 'string', default: '10000' },
        'no-seed': { type: 'boolean', default: false },
        readme: { type: 'boolean', default: false },
        'no-readme': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }),
  );
  const requests = Number(values.requests);
  const isDefault = requests === 200;
  const url = benchDatabaseUrl();
  const organisations = await ensureSyntheticData(url, Number(values.organisations), !values['no-seed']);

  const machine = describeMachine(await migrateWithReferenceData(url));

  const secret = randomBytes(48).toString('base64');
  const server = await startServer({
    name: 'romgraph',
    entry: 'servers/romgraph.ts',
    env: { BENCH_DATABASE_URL: url, BENCH_JWT_SECRET: secret, BENCH_EVENTS_POLL_MS: '60000' },
    timeoutMs: 120_000,
  });
  const token = await new TokenService(secret).sign(
    { subject: 'bench-questions', organisationCode: 'HORIZON', role: Role.VIEWER },
    3600 * 4,
  );
  const post = async (q: Question) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q.query, variables: q.variables }),
    });
    return (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  const rows: {
    name: string;
    operation: string;
    p50: number;
    p95: number;
    p99: number;
    statements: number;
  }[] = [];
  try {
    for (const q of loadQuestions()) {
      // The first answer may wait for the network metrics of the caller's view (minutes at 10,000).
      const first = performance.now();
      for (;;) {
        const res = await post(q);
        if (!res.errors) break;
        if (res.errors[0]!.extensions?.code !== 'SERVICE_UNAVAILABLE') {
          throw new Error(`[bench] ${q.file}: ${res.errors[0]!.message}`);
        }
        if (performance.now() - first > 15 * 60_000)
          throw new Error(`[bench] ${q.file}: no answer in 15 minutes`);
        await sleep(1000);
      }
      for (let i = 0; i < 5; i++) await post(q);
      const before = (await server.cpu()).statements!;
      await post(q);
      const statements = (await server.cpu()).statements! - before;
      const times: number[] = [];
      for (let i = 0; i < requests; i++) {
        const began = performance.now();
        const res = await post(q);
        times.push(performance.now() - began);
        if (res.errors) throw new Error(`[bench] ${q.file}: ${res.errors[0]!.message}`);
      }
      times.sort((a, b) => a - b);
      const row = {
        name: q.name,
        operation: q.operation,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        statements,
      };
      rows.push(row);
      console.log(
        `[bench] ${q.name} ${q.operation}: p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, ${statements} statements`,
      );
    }
  } finally {
    await server.stop();
  }

  const table = markdownTable(
    ['question', 'operation', 'p50 ms', 'p95 ms', 'p99 ms', 'statements', `p95 <= ${TARGET_P95_MS} ms`],
    rows.map((r) => [
      r.name,
      `\`${r.operation}\``,
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      String(r.statements),
      r.p95 <= TARGET_P95_MS ? 'yes' : 'no',
    ]),
  );
  const file = writeJson('questions', { machine, organisations, requests, rows });
  console.log(`\n${table}\n\n[bench] results in ${file}`);
  if ((isDefault || values.readme) && !values['no-readme']) {
    await replaceReadmeSection(
      'questions',
      [
        `${machineLine(machine)}; ${organisations.toLocaleString('en')} synthetic organisations beside the reference network;`,
        `${requests} requests per question at concurrency 1 over HTTP, as a VIEWER of a ROM (answers with amounts).`,
        '',
        table,
      ].join('\n'),
    );
    console.log('[bench] bench/README.md updated');
  }
}
