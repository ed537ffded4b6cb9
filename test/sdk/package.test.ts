import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../server/infra/graphql/connection.js';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { eventually } from '../harness/graph.js';

// The SDK as partners get it: built, linted as a package (publint, are-the-types-wrong), packed with npm pack,
// installed into an empty project outside the repository, its example run in ESM and in CommonJS against a
// server, its README's examples type-checked and run there as the README says, and its browser example bundled
// without Node's built-ins.
const sdk = fileURLToPath(new URL('../../client-sdk/', import.meta.url));
const repo = path.resolve(sdk, '..');
const execFileAsync = promisify(execFile);

/** The README's examples: each ```ts block after a `<!-- example: <file> -->` line, by file name. */
function readmeExamples(): Map<string, string> {
  const readme = readFileSync(path.join(sdk, 'README.md'), 'utf8');
  const found = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)) found.set(m[1]!, m[2]!);
  return found;
}
// npm as a partner runs it: without the npm_* settings of the npm that started the tests (its workspace and
// prefix would make the partner's install one of this repository's).
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv });
let server: TestServer;
let project: string;

beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  project = mkdtempSync(path.join(os.tmpdir(), 'romgraph-sdk-user-'));
  npm(['run', 'build'], sdk);
  const tarball = npm(['pack', '--pack-destination', project, '--silent'], sdk).trim().split('\n').at(-1)!;
  // As the README's quick start makes it: an ES module project.
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'partner', private: true, type: 'module' }),
  );
  // From npm's cache where it can (the repository's install filled it): the test needs no registry.
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund'];
  npm([...install, path.join(project, tarball), 'ws'], project);
  npm([...install, '-D', '@types/ws', '@types/node@20'], project);
}, 180_000);
afterAll(async () => {
  await server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

const EXAMPLE = (load: string) => `${load}
const client = createRomgraphClient({ url: process.env.ROMGRAPH_URL });
client.initiative({ code: 'ESMEE' }).then(async (esmee) => {
  const roms = await client.organisations({ first: 3, filter: { kinds: ['ROM'] } });
  console.log(JSON.stringify({ code: esmee.code, roms: roms.totalCount, errors: typeof ConflictError }));
});
`;

describe('the packed SDK', () => {
  it('passes publint and are-the-types-wrong (node16 and bundler resolution)', () => {
    const bin = (name: string) => path.join(sdk, '..', 'node_modules', '.bin', name);
    expect(() =>
      execFileSync(bin('publint'), { cwd: sdk, stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv }),
    ).not.toThrow();
    expect(() =>
      execFileSync(bin('attw'), ['--pack', '.', '--profile', 'node16'], {
        cwd: sdk,
        stdio: 'pipe',
        env: cleanEnv,
      }),
    ).not.toThrow();
  }, 120_000);

  it('installs outside the repository and runs in ESM and in CommonJS', async () => {
    expect(project.startsWith(path.resolve(sdk, '..'))).toBe(false);
    expect(readdirSync(path.join(project, 'node_modules', '@romgraph', 'client', 'dist'))).toEqual([
      'cjs',
      'esm',
    ]);
    writeFileSync(
      path.join(project, 'example.mjs'),
      EXAMPLE(`import { createRomgraphClient, ConflictError } from '@romgraph/client';`),
    );
    writeFileSync(
      path.join(project, 'example.cjs'),
      EXAMPLE(`const { createRomgraphClient, ConflictError } = require('@romgraph/client');`),
    );
    for (const file of ['example.mjs', 'example.cjs']) {
      // Not execFileSync: the server under test runs in this process, and must answer meanwhile.
      const { stdout: out } = await execFileAsync(process.execPath, [file], {
        cwd: project,
        encoding: 'utf8',
        env: { ...cleanEnv, ROMGRAPH_URL: `${server.url}/graphql` },
      });
      expect(JSON.parse(out.trim()), file).toEqual({ code: 'ESMEE', roms: 9, errors: 'function' });
    }
  });

  it("bundles the README's browser example for a browser without Node built-ins", async () => {
    writeFileSync(path.join(project, 'browser.ts'), readmeExamples().get('browser.ts')!);
    const result = await build({
      entryPoints: [path.join(project, 'browser.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      absWorkingDir: project,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/node:fs|require\("fs"\)|node:path/);
    expect(code).toContain('localStorage');
  });
});

describe("the README's quick start, in the partner's project", () => {
  const env = () => ({ ...cleanEnv, ROMGRAPH_URL: `${server.url}/graphql` });
  const tsx = path.join(repo, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
  const run = (file: string, extra: Record<string, string> = {}) =>
    execFileAsync(process.execPath, ['--import', pathToFileURL(tsx).href, file], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env(), ...extra },
    });

  beforeAll(() => {
    const examples = readmeExamples();
    expect([...examples.keys()].sort()).toEqual(['browser.ts', 'feed.ts', 'quickstart.ts', 'write.ts']);
    for (const [file, code] of examples) writeFileSync(path.join(project, file), code);
  });

  it('type-checks against the packed declarations, with strict TypeScript', async () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: [...readmeExamples().keys()],
      }),
    );
    const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await execFileAsync(process.execPath, [tsc, '-p', project], { cwd: project }).then(
      () => 'ok',
      (e: { stdout: string }) => e.stdout,
    );
    expect(checked).toBe('ok');
  }, 60_000);

  it('quickstart.ts answers typed queries and pages through a connection', async () => {
    const { stdout } = await run('quickstart.ts');
    expect(stdout).toMatch(/^9 ROMs: .*\bNOM\b/m);
    expect(stdout).toMatch(/, led by \S/);
    expect(stdout).toMatch(/^\d+ supra-regional agri-food initiatives$/m);
  });

  it('write.ts writes with a token and handles the conflict it provokes', async () => {
    const token = await server.token('BOM', Role.EDITOR);
    const { stdout } = await run('write.ts', { ROMGRAPH_TOKEN: token });
    expect(stdout).toMatch(/^added "Kick-off" to PILOT_\d+, version 1$/m);
    expect(stdout).toMatch(/^conflict: it is at version 2 now$/m);
    expect(stdout).toMatch(/^moved to 2027-04-01, version 3$/m);
  });

  it('feed.ts prints events, stops on Ctrl-C, and resumes where it stopped when run again', async () => {
    const token = await server.token('BOM', Role.EDITOR);
    const [row] = await server.app.db.read(`SELECT max(seq)::text AS seq FROM events`);
    writeFileSync(path.join(project, 'romgraph.cursor'), `${encodeCursor([row!.seq])}\n`);
    const { id: initiativeId } = (await server.gql(`{ initiative(code: "ESMEE") { id } }`)).data
      .initiative as { id: string };
    const add = (title: string) =>
      server.app.services.milestones.add(new RequestScope(systemViewer), { initiativeId, title });

    const start = () => {
      const child = spawn(process.execPath, ['--import', pathToFileURL(tsx).href, 'feed.ts'], {
        cwd: project,
        env: { ...env(), ROMGRAPH_TOKEN: token },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      let errors = '';
      child.stdout
        .setEncoding('utf8')
        .on('data', (d: string) => lines.push(...d.split('\n').filter(Boolean)));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (errors += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { child, lines, exited, errors: () => errors };
    };

    const first = start();
    await add('Heard live');
    await eventually(
      async () => expect(first.lines.join('\n')).toMatch(/MILESTONE_ADDED ESMEE Heard live/),
      15_000,
    );
    first.child.kill('SIGINT');
    expect(await first.exited, first.errors()).toBe(0);

    await add('While it was stopped 1');
    await add('While it was stopped 2');
    const second = start();
    await eventually(async () => expect(second.lines).toHaveLength(2), 15_000);
    await new Promise((r) => setTimeout(r, 300)); // and nothing more
    second.child.kill('SIGINT');
    expect(await second.exited, second.errors()).toBe(0);
    expect(second.lines.map((l) => l.split(' ').slice(1).join(' '))).toEqual([
      'MILESTONE_ADDED ESMEE While it was stopped 1',
      'MILESTONE_ADDED ESMEE While it was stopped 2',
    ]);
    expect(first.lines).toHaveLength(1);
    expect(readFileSync(path.join(project, 'romgraph.cursor'), 'utf8').trim()).toBe(
      second.lines[1]!.split(' ')[0],
    );
  }, 60_000);
});
