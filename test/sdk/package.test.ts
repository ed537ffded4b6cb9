import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness/app.js';

// The SDK as partners get it: built, linted as a package (publint, are-the-types-wrong), packed with npm pack,
// installed into an empty project outside the repository, its example run in ESM and in CommonJS against a
// server, and bundled for a browser without Node's built-ins.
const sdk = fileURLToPath(new URL('../../client-sdk/', import.meta.url));
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
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'partner', private: true }));
  // From npm's cache where it can (the repository's install filled it): the test needs no registry.
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(project, tarball)], project);
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
      const { stdout: out } = await promisify(execFile)(process.execPath, [file], {
        cwd: project,
        encoding: 'utf8',
        env: { ...cleanEnv, ROMGRAPH_URL: `${server.url}/graphql` },
      });
      expect(JSON.parse(out.trim()), file).toEqual({ code: 'ESMEE', roms: 9, errors: 'function' });
    }
  });

  it('bundles for a browser without Node built-ins', async () => {
    writeFileSync(
      path.join(project, 'browser.js'),
      `import { createRomgraphClient } from '@romgraph/client';\nwindow.client = createRomgraphClient({ url: location.origin + '/graphql' });\n`,
    );
    const result = await build({
      entryPoints: [path.join(project, 'browser.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      absWorkingDir: project,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/node:fs|require\("fs"\)/);
    expect(code).toContain('createRomgraphClient');
  });
});
