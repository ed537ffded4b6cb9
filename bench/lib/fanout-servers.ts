/** The fan-out benchmark's servers: building, starting and stopping them, their database, token and memory. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR } from './report.js';
import { TokenService } from '../../server/infra/auth/tokens.js';
import { Role } from '../../server/vocabulary.js';
import { createDatabase, databaseExists, databaseNameOf, dropDatabase } from '../../scripts/lib/postgres.js';
import { startServer, type ServerProcess } from './servers.js';
import { cleanups, mb, sleep } from './fanout-common.js';

export async function recreateDatabase(url: string, keep: boolean): Promise<void> {
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
export function adminToken(secret: string, hours: number): Promise<string> {
  return new TokenService(secret).sign(
    { subject: 'bench-fanout-writer', organisationCode: 'ROMNL', role: Role.ADMIN },
    hours * 3600,
  );
}

export interface MemorySample {
  at: number;
  /** RSS. */
  bytes: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory of C++ objects bound to JavaScript ones (Buffers among them), and of ArrayBuffers alone. */
  external: number;
  arrayBuffers: number;
}

export interface ServerSet {
  servers: ServerProcess[];
  /** RSS samples (one per second per server) and the peak. */
  rss: MemorySample[][];
  stopSampling(): void;
}

/** Where the server child comes from: bench/servers/romgraph.ts through tsx, or its compiled build. */
export let serverEntry = { entry: 'servers/romgraph.ts', tsx: true };

/**
 * Compiles the server, its migrations and bench/servers/romgraph.ts with tsc (the project's build settings)
 * into a directory under the system's temporary directory (outside the repository, so that neither ESLint nor
 * git sees it), with the reference data next to the importer and node_modules linked in.
 */
export async function buildServer(): Promise<void> {
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

export async function startServers(
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
                external: c.heap?.external ?? 0,
                arrayBuffers: c.heap?.arrayBuffers ?? 0,
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

export async function stopServers(set: ServerSet): Promise<void> {
  set.stopSampling();
  await Promise.all(set.servers.map((s) => s.stop()));
}

export const peakRss = (
  samples: MemorySample[],
  from = 0,
  to = Infinity,
  field: 'bytes' | 'heapUsed' | 'heapTotal' = 'bytes',
) => samples.filter((s) => s.at >= from && s.at <= to).reduce((peak, s) => Math.max(peak, s[field]), 0);

/** RSS and heap of each server now, MB. */
export async function memoryNow(
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

export interface MemoryFigures {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
}

// ---------------------------------------------------------------------------------------------------------
// Subscribers: worker processes
