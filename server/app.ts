/**
 * createApp(config) -> { start, stop }: the database (migrated, seeded on first start when configured),
 * the schema, and one HTTP server for POST /graphql, /healthz and /readyz.
 */
import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from './config.js';
import { Authenticator } from './infra/auth/authenticate.js';
import { TokenService } from './infra/auth/tokens.js';
import { createDataSource } from './infra/db/data-source.js';
import { Database } from './infra/db/database.js';
import { aliasLimit, depthLimit } from './infra/graphql/limits.js';
import { GraphQLHttpHandler, sendJson } from './infra/http/graphql-http.js';
import { createLogger, type Logger } from './infra/logger.js';
import { RequestScope } from './infra/request-scope.js';
import { createServices, type Context, type Services } from './modules/context.js';
import { createSchema } from './schema.js';
import { InProcessWakeups, RedisWakeups, type WakeupChannel } from './infra/events/wakeups.js';
import { attachWebSocket } from './infra/http/websocket.js';
import { EventFeed } from './modules/events/event.feed.js';
import { EventLogReader, feedFilter } from './modules/events/index.js';
import { importReferenceData } from './seed/importer.js';

export interface App {
  readonly db: Database;
  readonly services: Services;
  readonly tokens: TokenService;
  readonly feed: EventFeed;
  readonly websocket: { connections(): number };
  /** http://host:port once started. */
  readonly url: string;
  start(port?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  /** Directory for PGlite's files; defaults to `<dataDir>/pglite`, `memory://` keeps them in memory. */
  pgliteDir?: string;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const embedded = !config.databaseUrl;
  const dataSource = createDataSource({
    url: config.databaseUrl,
    pgliteDir: options.pgliteDir ?? path.join(config.dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
    logSql: config.logSql,
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    const where = embedded ? `embedded PGlite in ${config.dataDir}` : 'DATABASE_URL';
    throw new Error(`[db] cannot open the database (${where}): ${(err as Error).message}`, { cause: err });
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0)
    logger.info(`[db] applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);

  const db = new Database(dataSource);
  if (config.seedOnStart) {
    const [{ n }] = await db.read<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    if (n === 0) {
      logger.info('[seed] empty database: importing the reference network');
      await importReferenceData(db, undefined, (line) => logger.info(line));
    }
  }

  const services = createServices(db, logger);
  const tokens = TokenService.fromConfig(config, (line) => logger.warn(line));
  const authenticator = new Authenticator(db, tokens, (key) => services.apiKeys.authenticate(key));
  const schema = await createSchema();
  const validationRules = [depthLimit(config.maxQueryDepth), aliasLimit(config.maxAliases)];
  const graphql = new GraphQLHttpHandler({
    schema,
    introspection: config.introspection,
    validationRules,
    maxBodyBytes: config.maxBodyBytes,
    logger,
    context: async (req: IncomingMessage): Promise<Context> => {
      const requestId = headerValue(req, 'x-request-id');
      const viewer = await authenticator.viewerFor(headerValue(req, 'authorization'));
      return {
        scope: new RequestScope(
          viewer,
          requestId && /^[\w.-]{1,100}$/.test(requestId) ? requestId : undefined,
        ),
        services,
      };
    },
  });
  await graphql.start();

  const wakeups: WakeupChannel = config.redisUrl
    ? new RedisWakeups(config.redisUrl, logger)
    : new InProcessWakeups();
  const feed = new EventFeed(
    schema,
    services,
    new EventLogReader(db),
    { pollMs: config.eventsPollMs, batchSize: config.eventsBatchSize },
    logger,
  );
  await feed.start();
  db.onCommit((seqs) => {
    feed.wake();
    wakeups.publish(seqs.at(-1)!);
  });
  wakeups.onWakeup(() => feed.wake());
  if (wakeups instanceof RedisWakeups) wakeups.start();

  let ready = true;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q);
    if (pathname === '/graphql') {
      graphql.handle(req, res, search).catch((err: unknown) => {
        logger.error('[http] request failed outside GraphQL', err);
        if (!res.headersSent)
          sendJson(
            res,
            500,
            JSON.stringify({
              errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
            }),
          );
        else res.destroy();
      });
      return;
    }
    if (pathname === '/healthz') return sendJson(res, 200, '{"status":"ok"}');
    if (pathname === '/readyz') {
      void readiness(db, wakeups, ready).then(({ status, body }) =>
        sendJson(res, status, JSON.stringify(body)),
      );
      return;
    }
    sendJson(res, 404, JSON.stringify({ error: `no route ${pathname}; the API is at POST /graphql` }));
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  const websocket = attachWebSocket<Context>({
    server,
    schema,
    validationRules,
    maxPayloadBytes: config.maxBodyBytes,
    maxBufferedBytes: config.wsMaxBufferedBytes,
    recheckMs: config.wsRecheckMs,
    logger,
    authenticate: (authorization) => authenticator.authenticate(authorization),
    context: (scope) => ({ scope, services }),
    subscribe: ({ field, args, execution, viewer, printed, queue }) =>
      feed.join(
        {
          document: execution.document,
          operationName: execution.operationName,
          variableValues: execution.variableValues,
        },
        {
          viewer,
          filter: feedFilter(field, args),
          deliver: (result) => queue.push(result),
          room: () => queue.room(),
        },
        printed,
      ),
  });

  let url = '';
  return {
    db,
    services,
    tokens,
    get url() {
      return url;
    },
    async start(port = config.port) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      url = `http://${host}:${address.port}`;
      return url;
    },
    feed,
    websocket,
    async stop() {
      // Fail readiness first, then: WebSockets closed with 1001 (clients resume elsewhere), HTTP drained,
      // the feed and wake-ups stopped, the database closed.
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await websocket.close();
      server.closeIdleConnections();
      await closed;
      await feed.stop();
      await wakeups.close();
      await graphql.stop();
      await dataSource.destroy();
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** 200 exactly when the database answers: Redis only hastens delivery (every instance also polls the log). */
async function readiness(
  db: Database,
  wakeups: WakeupChannel,
  accepting: boolean,
): Promise<{ status: number; body: Record<string, string> }> {
  if (!accepting) return { status: 503, body: { status: 'stopping' } };
  const body: Record<string, string> = {
    status: 'ready',
    database: 'ok',
    wakeups: wakeups.healthy() ? 'ok' : 'degraded',
  };
  try {
    await db.read('SELECT 1', [], 'readiness');
  } catch (err) {
    return { status: 503, body: { ...body, status: 'unavailable', database: (err as Error).message } };
  }
  return { status: 200, body };
}
