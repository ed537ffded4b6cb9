/**
 * Child process: PostGraphile v4 in library mode on node:http, as the reference point for bench/queries.ts.
 * Started by the bench with BENCH_DATABASE_URL and BENCH_PG_POOL_SIZE; reports its URL over IPC and stops on
 * a 'stop' message. Its own process, so it shares no event loop with our server or the load generator.
 */
import { createServer } from 'node:http';
import Module, { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);

// One graphql for the whole of PostGraphile. postgraphile 4 needs graphql 15 and gets its own copy, but npm
// hoists some of its helpers (graphql-parse-resolve-info, graphile-build-pg) next to the app's graphql 16
// or gives them a second copy of 15, and graphql refuses types from "another module or realm". This process
// runs PostGraphile only, so every `graphql` it loads is resolved from postgraphile's own folder.
const graphql15 = path.dirname(
  createRequire(require.resolve('postgraphile')).resolve('graphql/package.json'),
);
type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (this: unknown, request, parent, ...rest) {
  const target =
    request === 'graphql'
      ? graphql15
      : request.startsWith('graphql/')
        ? path.join(graphql15, request.slice('graphql/'.length))
        : request;
  return resolveFilename.call(this, target, parent, ...rest);
};

// postgraphile 4 is CommonJS and re-exports graphile-utils in a way Node's ESM loader cannot see by name.
const { makeJSONPgSmartTagsPlugin, postgraphile } = require('postgraphile') as typeof import('postgraphile');

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');
const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env.BENCH_PG_POOL_SIZE ?? 10),
  application_name: 'bench postgraphile',
});
pool.on('error', (err) => console.error('[postgraphile] pool error', err));

// Our schema declares organisations.code and initiatives.code unique with unique *indexes*, which PostGraphile
// v4 does not read as keys; these smart tags give it the same unique keys (organisationByCode, ...).
const uniqueCodes = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      organisations: { tags: { unique: 'code' } },
      initiatives: { tags: { unique: 'code' } },
    },
  },
});

// The options PostGraphile's documentation recommends for production, minus watch mode and GraphiQL.
const handler = postgraphile(pool, 'public', {
  appendPlugins: [uniqueCodes],
  graphqlRoute: '/graphql',
  graphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  enableQueryBatching: false,
  retryOnInitFail: false,
  extendedErrors: ['errcode'],
  showErrorStack: false,
  watchPg: false,
  subscriptions: false,
});

const server = createServer(handler);
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const where = `http://127.0.0.1:${port}`;
  if (process.send) process.send({ type: 'listening', url: where });
  else console.log(`[postgraphile] listening on ${where}/graphql`);
});

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'cpu') {
    process.send?.({ type: 'cpu', usage: process.cpuUsage(), memory: process.memoryUsage().rss });
  }
  if (message?.type === 'stop') {
    server.close();
    server.closeAllConnections();
    void handler
      .release()
      .then(() => pool.end())
      .then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
