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
    setupFiles: ['test/harness/setup.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/fuzz/**'],
        },
      },
      // The fuzz suite runs after the rest, alone: its "no answer slower than 2 s" measures the server under
      // hostile input, not the test file that would otherwise share the machine's two cores with it.
      {
        extends: true,
        test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
