/**
 * createApp(config) -> { start, stop }: the database (migrated, seeded on first start when configured),
 * the schema, and one HTTP server for POST /graphql, /healthz and /readyz.
 */
import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as TcpServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import type { Config } from './config.js';
import { Authenticator } from './infra/auth/authenticate.js';
import { TokenService } from './infra/auth/tokens.js';
import { createDataSource } from './data-source.js';
import { Database } from './infra/db/database.js';
import { costPlugin, type CostLimits } from './infra/graphql/cost.js';
import { rateLimitPlugin } from './infra/graphql/rate-limit.js';
import { ClientAddress } from './infra/http/client-address.js';
import { RateLimits } from './infra/http/rate-limit.js';
import { stringLimitPlugin } from './infra/graphql/strings.js';
import { TrustedDocuments, trustedDocumentsPlugin } from './infra/graphql/trusted-documents.js';
import { shapeLimit, type ShapeLimits } from './infra/graphql/limits.js';
import { GraphQLHttpHandler, sendErrorJson, sendJson } from './infra/http/graphql-http.js';
import { createLogger, type Logger } from './infra/logger.js';
import { Metrics } from './infra/metrics.js';
import { MetricsRoute } from './infra/http/metrics-route.js';
import { tracingPlugin } from './infra/tracing.js';
import { rawPool } from './infra/db/data-source.js';
import { isoTimestamp } from './infra/graphql/scalars.js';
import { RequestScope, callerKey } from './infra/request-scope.js';
import { KeyedSemaphore } from './infra/concurrency.js';
import type { Viewer } from './infra/auth/viewer.js';
import type { DataSource } from 'typeorm';
import { createServices, type Context, type Services } from './modules/context.js';
import { createSchema } from './schema.js';
import {
  EventFeed,
  EventLogReader,
  InProcessWakeups,
  RedisWakeups,
  attachWebSocket,
  feedFilterFor,
  onEventsCommitted,
  personalRouteFor,
  type PersonalRoute,
  type WakeupChannel,
} from './live/index.js';
import { eventFromRow, type Event } from './modules/events/index.js';
import { importReferenceData } from './seed/importer.js';
import { NetworkFacts } from './graph/facts.js';
import { NetworkMetrics } from './graph/metrics-engine.js';
import { sendGraphExport, today } from './modules/graph/index.js';
import { NETWORK_WIDE_ACCESS, PUBLIC_ACCESS } from './infra/auth/access.js';
import { randomUUID } from 'node:crypto';
import { DomainError } from './infra/errors.js';
import { CorsPolicy } from './infra/http/cors.js';
import { setBaseSecurityHeaders } from './infra/http/security-headers.js';
import { WebRoutes } from './web/routes.js';
import { sendDevToken } from './web/dev-sign-in.js';

/**
 * Pairs of overlapping selections graphql-js' overlap rule may be asked to compare: 20,000 take it about 10 ms
 * on this machine class (its own budget stops it only at ~200 ms). Legitimate documents stay in the hundreds.
 */
const MAX_OVERLAP_COMPARISONS = 20_000;
/** The advisory lock key under which one instance at a time migrates (any constant of our own). */
const MIGRATION_LOCK = 0x726f6d67; // 'romg'
/** Operations in one document: more is a bundle to split, and each costs the variable rules a walk. */
const MAX_OPERATIONS_PER_DOCUMENT = 50;

export interface App {
  readonly db: Database;
  readonly services: Services;
  readonly tokens: TokenService;
  readonly feed: EventFeed<Event, Context>;
  readonly websocket: { connections(): number };
  /** The Prometheus metrics (null with METRICS=false). */
  readonly metrics: Metrics | null;
  /** http://host:port of the separate metrics port (METRICS_PORT), once started. */
  readonly metricsUrl: string | undefined;
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
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const embedded = !config.databaseUrl;
  const where = embedded ? `embedded PGlite in ${config.dataDir}` : 'DATABASE_URL';
  const open = async (source: DataSource) => {
    try {
      await source.initialize();
    } catch (err) {
      throw new Error(`[db] cannot open the database (${where}): ${(err as Error).message}`, { cause: err });
    }
    return source;
  };
  const migrate = async (source: DataSource) => {
    const applied = await source.runMigrations({ transaction: 'each' });
    if (applied.length > 0)
      logger.info(`[db] applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  };
  const dataSource = createDataSource({
    url: config.databaseUrl,
    pgliteDir: options.pgliteDir ?? path.join(config.dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
    logger,
    logSql: config.logSql,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  if (embedded) {
    await migrate(await open(dataSource));
  } else {
    // Migrations may rightly run longer than the statement timeout that bounds requests: their own connection.
    // TypeORM takes no lock: instances starting together take turns on a session advisory lock (the pool's one
    // connection holds it), so the first migrates and the others find nothing left to do.
    const migrator = await open(createDataSource({ url: config.databaseUrl, poolSize: 1, logger }));
    try {
      await migrator.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(migrator);
    } finally {
      await migrator.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      await migrator.destroy();
    }
    await open(dataSource);
  }

  const db = new Database(dataSource);
  // Read when Prometheus scrapes; what they read (the socket server, the feed) is made below.
  let sources = { connections: () => 0, subscriptions: () => 0 };
  const pool = rawPool(dataSource) as { totalCount?: number; idleCount?: number; waitingCount?: number };
  let redisUp: () => boolean | null = () => null;
  const telemetry = config.metrics
    ? new Metrics({
        connections: () => sources.connections(),
        subscriptions: () => sources.subscriptions(),
        pool: () =>
          pool.totalCount === undefined
            ? null
            : { total: pool.totalCount, idle: pool.idleCount ?? 0, waiting: pool.waitingCount ?? 0 },
        redisUp: config.redisUrl ? () => redisUp() : undefined,
      })
    : null;
  if (config.seedOnStart) {
    const [{ n }] = await db.read<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    if (n === 0) {
      logger.info('[seed] empty database: importing the reference network');
      await importReferenceData(db, undefined, (line) => logger.info(line));
    }
  }

  // Empty until loaded, after the feed has its starting point (see below): nothing committed in between is missed.
  const facts = new NetworkFacts();
  const metrics = new NetworkMetrics(facts, logger);
  const services = createServices(
    db,
    { facts, metrics, limits: { maxEdges: config.graphMaxEdges } },
    {
      policy: {
        allowedHosts: config.webhookAllowedHosts,
        allowLoopback: config.webhookAllowLoopback,
        timeoutMs: config.webhookTimeoutMs,
        maxResponseBytes: 64 * 1024,
      },
      retryBaseMs: config.webhookRetryBaseMs,
      retryForMs: config.webhookRetryForHours * 3_600_000,
      pollMs: config.webhookPollMs,
      concurrency: config.webhookConcurrency,
      leaseMs: config.webhookLeaseMs,
      observe: telemetry ? (outcome) => telemetry.webhook(outcome) : undefined,
    },
    logger,
  );
  const tokens = TokenService.fromConfig(config, (line) => logger.warn(line));
  const authenticator = new Authenticator(db, tokens, (key) => services.apiKeys.authenticate(key));
  const schema = await createSchema();
  const shapeLimits: ShapeLimits = {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxAliases,
    maxSelections: config.maxSelections,
    maxComparisons: MAX_OVERLAP_COMPARISONS,
    maxOperations: MAX_OPERATIONS_PER_DOCUMENT,
  };
  const costLimits: CostLimits = { maxCost: config.maxQueryCost, listSize: config.costListSize };
  const validationRules = [shapeLimit(shapeLimits)];
  const callers = new KeyedSemaphore(config.dbConnectionsPerCaller);
  const budgetFor = (viewer: Viewer, address: string | undefined) => ({
    deadline: Date.now() + config.operationTimeoutMs,
    timeoutMs: config.operationTimeoutMs,
    connections: config.dbConnectionsPerRequest,
    callers,
    caller: callerKey(viewer, address),
  });
  const addresses = new ClientAddress(config.trustedProxies);
  const trusted = { documents: TrustedDocuments.load(), mode: config.trustedDocuments };
  if (trusted.mode === 'all')
    logger.info(
      `[documents] TRUSTED_DOCUMENTS=all: accepting only the ${trusted.documents.size} registered documents`,
    );
  const rateLimits = config.rateLimit.enabled
    ? new RateLimits(config.rateLimit, config.redisUrl, logger)
    : null;
  const graphql = new GraphQLHttpHandler({
    schema,
    introspection: config.introspection,
    validationRules,
    plugins: [
      tracingPlugin(),
      trustedDocumentsPlugin(trusted.documents),
      costPlugin(costLimits),
      stringLimitPlugin(config.maxStringLength),
      ...(rateLimits ? [rateLimitPlugin(rateLimits, costLimits)] : []),
    ],
    maxBodyBytes: config.maxBodyBytes,
    logger,
    trusted,
    observe: (r) => {
      telemetry?.request(r.operation, r.codes, r.durationMs / 1000);
      const ms = Math.round(r.durationMs * 10) / 10;
      logger.info(
        `[http] ${r.method} /graphql ${r.status} ${r.operation ?? r.operationType ?? '-'} in ${ms} ms${r.codes.length ? ` (${r.codes.join(', ')})` : ''}`,
        {
          requestId: r.requestId,
          caller: r.caller,
          operation: r.operation,
          operationType: r.operationType,
          status: r.status,
          durationMs: ms,
          ...(r.codes.length ? { code: r.codes[0], codes: r.codes } : {}),
        },
      );
    },
    context: async (req: IncomingMessage, requestId: string): Promise<Context> => {
      const viewer = await authenticator.viewerFor(headerValue(req, 'authorization'));
      return {
        scope: new RequestScope(viewer, requestId).limit(budgetFor(viewer, addresses.of(req))),
        services,
      };
    },
  });
  await graphql.start();

  const wakeups: WakeupChannel = config.redisUrl
    ? new RedisWakeups(config.redisUrl, logger)
    : new InProcessWakeups();
  if (config.redisUrl) redisUp = () => wakeups.healthy();
  const feed = new EventFeed(
    schema,
    {
      reader: new EventLogReader(db, eventFromRow),
      context: (viewer): Context => ({ scope: new RequestScope(viewer), services }),
      matching: async (context, filter, page) =>
        (await services.events.listMatching(context.scope, filter, page)).nodes,
    },
    {
      pollMs: config.eventsPollMs,
      batchSize: config.eventsBatchSize,
      maxReplays: config.wsMaxReplays,
      maxReplaysPerCaller: config.wsMaxReplaysPerCaller,
    },
    logger,
  );
  // The network applies each batch before the feed delivers it: no subscriber hears of a change the graph
  // queries do not yet show. It loads after the feed has read where the log ends, so a change committed
  // meanwhile is both in the load and in the first batch (applying it again changes nothing).
  let loadedNetwork = () => {};
  const networkLoaded = new Promise<void>((resolve) => (loadedNetwork = resolve));
  feed.observe(async (batch) => {
    await networkLoaded;
    const delta = await facts.refresh(db, NetworkFacts.changedBy(batch));
    if (delta) metrics.applied(delta);
  });
  if (telemetry) {
    feed.onDelivered((batch) => {
      const now = Date.now();
      for (const event of batch)
        telemetry.delivered((now - Date.parse(isoTimestamp(event.occurredAt as unknown as string))) / 1000);
    });
  }
  // Webhooks hear of each batch too (the deliverer reads what concerns each webhook itself).
  feed.observe(async () => services.webhookDeliverer.wake());
  await feed.start();
  services.webhookDeliverer.start();
  const loading = Date.now();
  await facts.loadFrom(db);
  loadedNetwork();
  logger.info(
    `[graph] network loaded in ${Date.now() - loading} ms: ${facts.organisations.size} organisations, ` +
      `${facts.initiatives.size} initiatives, ${facts.partnerships.size} partnerships`,
  );
  if (config.graphWarmMetrics) {
    // The views most dashboards ask for: the public one and the network-wide one, as of today.
    const day = today();
    metrics.warm(
      [PUBLIC_ACCESS, NETWORK_WIDE_ACCESS].map((access) => ({ access, filter: { day, themes: [] } })),
    );
  }
  onEventsCommitted(db, (seqs) => {
    feed.wake();
    wakeups.publish(seqs.at(-1)!);
  });
  wakeups.onWakeup(() => feed.wake());
  if (wakeups instanceof RedisWakeups) wakeups.start();
  rateLimits?.start();

  /** GET /export/graph: the network as a file, as the caller may see it (see modules/graph/graph.export.ts). */
  const exportGraph = async (req: IncomingMessage, res: ServerResponse, search: string) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        throw new DomainError('BAD_USER_INPUT', 'the export is read with GET', { http: { status: 405 } });
      }
      const viewer = await authenticator.viewerFor(headerValue(req, 'authorization'));
      const scope = new RequestScope(viewer, requestId).limit(budgetFor(viewer, addresses.of(req)));
      await sendGraphExport(res, scope, services.graph, new URLSearchParams(search));
    } catch (err) {
      if (res.headersSent) {
        logger.error(`[export] request ${requestId} failed while streaming`, err);
        res.destroy();
        return;
      }
      sendErrorJson(res, err, requestId, (e) => logger.error(`[export] request ${requestId} failed`, e));
    }
  };

  const cors = new CorsPolicy(config.corsOrigins);
  const metricsRoute = telemetry
    ? new MetricsRoute(telemetry, {
        token: config.metricsToken,
        // Production keeps /metrics closed unless it is protected: a token, or a port of its own.
        open: config.nodeEnv !== 'production',
      })
    : null;
  if (metricsRoute && config.nodeEnv === 'production' && !config.metricsToken && !config.metricsPort)
    logger.warn(
      '[metrics] NODE_ENV=production without METRICS_TOKEN or METRICS_PORT: GET /metrics answers 404 (set one to scrape it)',
    );
  const metricsServer =
    metricsRoute && config.metricsPort !== undefined
      ? createServer((req, res) => {
          setBaseSecurityHeaders(res);
          const pathname = (req.url ?? '/').split('?')[0];
          if (pathname === '/metrics') return void metricsRoute.handle(req, res, true);
          sendJson(
            res,
            404,
            JSON.stringify({ error: `no route ${pathname}; this port serves GET /metrics` }),
          );
        })
      : null;
  const web = new WebRoutes({ app: config.webApp, graphiql: config.graphiql });
  if (
    config.devSignIn &&
    config.host !== '127.0.0.1' &&
    config.host !== 'localhost' &&
    config.host !== '::1'
  ) {
    logger.warn(
      `[auth] DEV_SIGN_IN is on and HOST=${config.host}: anyone who reaches this port can sign in as any organisation (development only; NODE_ENV=production turns it off)`,
    );
  }

  // Set once stop() begins: readiness fails, and every response tells its client to reconnect (elsewhere).
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  let onIdle: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) onIdle?.();
    });
    if (stopping) res.setHeader('connection', 'close');
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q);
    setBaseSecurityHeaders(res);
    if (pathname === '/graphql' || pathname === '/export/graph') {
      // Other origins' dashboards (CORS_ORIGINS): the preflight is answered here, the rest gets its headers.
      if (cors.apply(req, res, 'GET, POST')) return;
    }
    if (pathname === '/graphql' && web.wantsGraphiQL(req)) {
      void web.graphiql(req, res).catch((err: unknown) => {
        logger.error('[web] GraphiQL page failed', err);
        if (!res.headersSent) sendJson(res, 500, '{"error":"GraphiQL could not be served"}');
      });
      return;
    }
    if (pathname === '/graphql') {
      graphql.handle(req, res, search).catch((err: unknown) => {
        const requestId = res.getHeader('x-request-id');
        // The client went away mid-body: nothing to answer, nothing of ours failed.
        if (req.destroyed && (err as { code?: string }).code === 'ECONNRESET') {
          logger.debug(
            `[http] request ${requestId ?? '-'}: the client closed the connection before its body ended`,
          );
          res.destroy();
          return;
        }
        logger.error(`[http] request ${requestId ?? '-'} failed outside GraphQL`, err);
        if (!res.headersSent)
          sendJson(
            res,
            500,
            JSON.stringify({
              errors: [
                {
                  message: 'Unexpected error.',
                  extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
                },
              ],
            }),
          );
        else res.destroy();
      });
      return;
    }
    if (pathname === '/export/graph') {
      void exportGraph(req, res, search);
      return;
    }
    if (pathname === '/healthz') return sendJson(res, 200, '{"status":"ok"}');
    if (pathname === '/metrics' && metricsRoute && !metricsServer) {
      void metricsRoute.handle(req, res, false);
      return;
    }
    if (pathname === '/readyz') {
      void readiness(db, wakeups, stopping).then(({ status, body }) =>
        sendJson(res, status, JSON.stringify(body)),
      );
      return;
    }
    if (pathname === '/auth/dev-token' && config.devSignIn) {
      void sendDevToken(req, res, db, tokens, logger);
      return;
    }
    web.handle(req, res, pathname).then(
      (handled) => {
        if (!handled)
          sendJson(res, 404, JSON.stringify({ error: `no route ${pathname}; the API is at POST /graphql` }));
      },
      (err: unknown) => {
        logger.error(`[web] ${pathname} failed`, err);
        if (!res.headersSent) sendJson(res, 500, '{"error":"the page could not be served"}');
        else res.destroy();
      },
    );
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  // Every socket, upgraded ones included: the last resort of a drain that outlives SHUTDOWN_TIMEOUT_MS.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const websocket = attachWebSocket<Context>({
    server,
    schema,
    validationRules,
    hideSuggestions: !config.introspection,
    maxPayloadBytes: config.wsMaxFrameBytes,
    maxStringLength: config.maxStringLength,
    addressOf: (req) => addresses.of(req),
    costLimits,
    limits: {
      maxSubscriptionsPerSocket: config.wsMaxSubscriptionsPerSocket,
      maxSubscriptionsPerCaller: config.wsMaxSubscriptionsPerCaller,
      maxConnectionsPerCaller: config.wsMaxConnectionsPerCaller,
    },
    spend: rateLimits
      ? (viewer, caller, points) => rateLimits.tryConsume(caller, viewer.kind === 'anonymous', points)
      : undefined,
    maxBufferedBytes: config.wsMaxBufferedBytes,
    recheckMs: config.wsRecheckMs,
    logger,
    allowOrigin: (req) => cors.allowsSocket(req),
    trustedDocuments: trusted,
    observe: telemetry
      ? { error: (code) => telemetry.graphqlError(code, 'ws'), slowConsumer: () => telemetry.overflow() }
      : undefined,
    authenticate: (authorization) => authenticator.authenticate(authorization),
    context: (scope, address) => ({ scope: scope.limit(budgetFor(scope.viewer, address)), services }),
    subscribe: ({ field, args, execution, viewer, caller, printed, queue }) =>
      feed.join(
        {
          document: execution.document,
          operationName: execution.operationName,
          variableValues: execution.variableValues,
        },
        {
          viewer,
          caller,
          filter: feedFilterFor(field, args),
          personal: personalRouteFor(field, execution.contextValue) as PersonalRoute<Event> | undefined,
          deliver: (result) => queue.push(result),
          room: () => queue.room(),
        },
        printed,
      ),
  });

  sources = { connections: () => websocket.connections(), subscriptions: () => feed.size };

  /**
   * The one shutdown path. Readiness fails while requests (new ones too) are still served for the grace period,
   * so a load balancer stops sending before anyone is refused; then the port closes, in-flight requests finish
   * (bounded), WebSockets close with 1001, and GraphQL, the feed, Redis and the database stop only after HTTP
   * has drained, so no request meets a stopped dependency.
   */
  async function shutdown(): Promise<void> {
    stopping = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    if (config.shutdownGraceMs > 0) {
      logger.info(`[http] readiness fails; still serving for ${config.shutdownGraceMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    }
    const deadline = Date.now() + config.shutdownTimeoutMs;
    // The listener only: http's close() also cuts idle connections at once, and under load some of them hold a
    // request sent in time but not read yet, whose client would see a reset.
    const closed = new Promise<void>((resolve) => TcpServer.prototype.close.call(server, () => resolve()));
    const idle = () =>
      new Promise<void>((resolve) => {
        onIdle = resolve;
        if (inFlight.size === 0) resolve();
      });
    let drained: boolean;
    do {
      drained = await within(idle(), deadline);
      // One more turn of the event loop reads the requests already waiting on open connections.
      if (drained) await new Promise((resolve) => setImmediate(resolve));
    } while (drained && inFlight.size > 0);
    if (!drained) {
      logger.warn(
        `[http] ${inFlight.size} request(s) still running after SHUTDOWN_TIMEOUT_MS=${config.shutdownTimeoutMs}; closing their connections`,
      );
    }
    // Every response since stop() began closed its connection; what is idle now had no request to serve.
    // (server.close() again: it cuts those and ends http's timeout checks; the listener is already closed.)
    server.close();
    await within(websocket.close(), deadline);
    if (!(await within(closed, deadline))) {
      for (const socket of sockets) socket.destroy();
      await closed;
    }
    logger.info(
      `[http] drained in ${Date.now() - deadline + config.shutdownTimeoutMs} ms after the grace period`,
    );
    if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
    await services.webhookDeliverer.stop();
    await feed.stop();
    await metrics.stop();
    await wakeups.close();
    await rateLimits?.close();
    await graphql.stop();
    await dataSource.destroy();
  }
  let stopped: Promise<void> | undefined;

  let url = '';
  let metricsUrl: string | undefined;
  return {
    db,
    services,
    tokens,
    metrics: telemetry,
    get url() {
      return url;
    },
    get metricsUrl() {
      return metricsUrl;
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
      if (metricsServer) {
        await new Promise<void>((resolve, reject) => {
          metricsServer.once('error', reject);
          metricsServer.listen(config.metricsPort, config.host, () => resolve());
        });
        metricsUrl = `http://${host}:${(metricsServer.address() as AddressInfo).port}`;
        logger.info(`[metrics] Prometheus metrics at ${metricsUrl}/metrics`);
      }
      return url;
    },
    feed,
    websocket,
    stop() {
      stopped ??= shutdown();
      return stopped;
    },
  };
}

/** Whether `promise` settled before `deadline` (epoch ms). */
async function within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  const settled = promise.then(() => true);
  // A failure after the deadline has no one left to tell.
  settled.catch(() => {});
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** 200 exactly when the database answers: Redis only hastens delivery (every instance also polls the log). */
async function readiness(
  db: Database,
  wakeups: WakeupChannel,
  stopping: boolean,
): Promise<{ status: number; body: Record<string, string> }> {
  if (stopping) return { status: 503, body: { status: 'stopping' } };
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
