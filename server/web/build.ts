/**
 * Keeps the web app's build fresh outside production: `npm install` builds it (postinstall), and `npm start`
 * builds it again when its sources changed since (a stamp of their contents sits beside the build). Vite is a
 * development dependency: an installation without it (production) serves whatever `npm run build:web` made.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIST } from './routes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the build is made from: the app, the SDK it is built on, the examples GraphiQL opens, the lock file. */
const SOURCES = ['web', 'client-sdk/src', 'schema/operations', 'package-lock.json'];
const STAMP = '.build-stamp';

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.name !== 'dist' && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => filesUnder(path.join(relative, entry.name)));
}

/** A hash of every source file's path and contents. */
export function sourceStamp(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function buildIsFresh(): boolean {
  const stamp = path.join(WEB_DIST, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceStamp();
}

/**
 * Builds the web app unless its build is fresh (or `force`). Returns what happened, for the log; 'no-vite' when
 * Vite is not installed (a production installation), where the build must come from `npm run build:web`.
 */
export async function ensureWebBuild(
  log: (line: string) => void,
  force = false,
): Promise<'fresh' | 'built' | 'no-vite'> {
  if (!force && buildIsFresh()) return 'fresh';
  let viteCli: string;
  try {
    viteCli = path.join(
      path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
      'bin/vite.js',
    );
  } catch {
    return 'no-vite';
  }
  const began = Date.now();
  log('[web] building the dashboard and GraphiQL (Vite)...');
  const stamp = sourceStamp();
  // In a process of its own with NODE_ENV=production: Vite takes its mode from NODE_ENV, and a build under
  // vitest's NODE_ENV=test would compile JSX for React's development runtime.
  // eslint-disable-next-line no-restricted-properties -- the build's environment, not the server's configuration
  const env = { ...process.env, NODE_ENV: 'production' };
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteCli, 'build', '--config', path.join(ROOT, 'web/vite.config.ts'), '--logLevel', 'warn'],
      { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`[web] the build failed (vite exited with ${code})`);
  writeFileSync(path.join(WEB_DIST, STAMP), stamp);
  log(
    `[web] built in ${((Date.now() - began) / 1000).toFixed(1)} s into ${path.relative(process.cwd(), WEB_DIST) || WEB_DIST}`,
  );
  return 'built';
}
