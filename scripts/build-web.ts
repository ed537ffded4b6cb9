/**
 * npm run build:web [-- --if-stale]: builds the dashboard and GraphiQL into web/dist with Vite. `--if-stale`
 * (postinstall) builds only when the sources changed since the last build, and skips quietly without Vite.
 */
import { ensureWebBuild } from '../server/web/build.js';

const ifStale = process.argv.includes('--if-stale');
const result = await ensureWebBuild((line) => console.log(line), !ifStale);
if (result === 'no-vite') {
  if (ifStale) process.exit(0);
  console.error('[web] Vite is not installed: run npm install (with development dependencies) first');
  process.exit(1);
}
if (result === 'fresh') console.log('[web] the build is up to date');
