/**
 * npm run build (in client-sdk/): the package as it is published, ESM in dist/esm and CommonJS in dist/cjs, each
 * with its type declarations (a package.json in each folder says which module system its .js and .d.ts are).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sdk = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
rmSync(`${sdk}/dist`, { recursive: true, force: true });
for (const [config, type] of [
  ['tsconfig.esm.json', 'module'],
  ['tsconfig.cjs.json', 'commonjs'],
] as const) {
  execFileSync(process.execPath, [tsc, '-p', config], { cwd: sdk, stdio: 'inherit' });
  writeFileSync(
    `${sdk}/dist/${type === 'module' ? 'esm' : 'cjs'}/package.json`,
    `${JSON.stringify({ type })}\n`,
  );
}
console.log('[sdk] built dist/esm and dist/cjs');
