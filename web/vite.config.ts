/**
 * The web app's build (`npm run build:web`) and development server (`npm run dev:web`, hot reload, with the API
 * of `npm start` behind it on port 4000). Two pages: the dashboard (index.html, served at /) and GraphiQL
 * (graphiql.html, served at GET /graphql to browsers), so the editor's weight never reaches the dashboard.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
// eslint-disable-next-line no-restricted-properties -- a build setting, not the server's configuration
const api = process.env.ROMGRAPH_API ?? 'http://localhost:4000';

export const webConfig = defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  resolve: {
    alias: [
      // The dashboard is built on the partner SDK, from its sources: Vite makes the browser build of it.
      { find: /^@romgraph\/client$/, replacement: here('../client-sdk/src/index.ts') },
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: { index: here('index.html'), graphiql: here('graphiql.html') },
      onwarn(warning, warn) {
        // React libraries mark their modules "use client"; a bundle for the browser has nothing to keep of it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/auth': api,
      '/export': api,
    },
  },
});

// Vite reads a configuration file's default export.
// eslint-disable-next-line no-restricted-syntax
export default webConfig;
