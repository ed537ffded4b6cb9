import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: Node loads graphql's CommonJS build for type-graphql and Apollo, so our own
    // sources must not get the .mjs build that Vite would pick ("Cannot determine GraphQL output type").
    alias: [
      {
        find: /^graphql$/,
        replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)),
      },
      // The web app's name for the SDK (as in web/vite.config.ts), for tests that import its modules.
      {
        find: /^@romgraph\/client$/,
        replacement: fileURLToPath(new URL('./client-sdk/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
    // The fuzz suite runs on its own (npm run test:fuzz) until every defect it found is fixed: see the
    // README's Tests section.
    exclude: process.env.ROMGRAPH_FUZZ ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/fuzz/**'],
    setupFiles: ['test/harness/setup.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
