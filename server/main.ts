/** Starts romgraph: reads the configuration, creates the app, listens, and stops cleanly on a signal. */
import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig, logFormatOf } from './config.js';
import { createLogger } from './infra/logger.js';
import { ensureWebBuild } from './web/build.js';

let bootFormat: 'json' | 'pretty' = 'json';
try {
  bootFormat = logFormatOf();
} catch {
  // A bad LOG_FORMAT is reported by loadConfig below, in JSON.
}
const bootLogger = createLogger({ level: 'info', format: bootFormat });
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  logger.info(
    config.databaseUrl
      ? '[db] using PostgreSQL from DATABASE_URL'
      : `[db] using embedded PGlite in ${config.dataDir}`,
  );
  if (config.webApp && config.webBuildOnStart) {
    const built = await ensureWebBuild((line) => logger.info(line));
    if (built === 'no-vite')
      logger.warn('[web] Vite is not installed: serving the last build of the dashboard, if any');
  }
  const app = await createApp(config, { logger });
  const url = await app.start();
  logger.info(`[http] romgraph listens on ${url}/graphql (health: ${url}/healthz, readiness: ${url}/readyz)`);
  if (config.webApp)
    logger.info(`[web] the dashboard is at ${url}/${config.graphiql ? `, GraphiQL at ${url}/graphql` : ''}`);
  // Past the grace period and the drain, only sockets, the feed, Redis and the database are left to close.
  const forceAfterMs = config.shutdownGraceMs + config.shutdownTimeoutMs + 5_000;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.info(`[http] ${signal}: already shutting down`);
      return;
    }
    stopping = true;
    logger.info(
      `[http] ${signal}: shutting down (grace ${config.shutdownGraceMs} ms, drain at most ${config.shutdownTimeoutMs} ms)`,
    );
    const force = setTimeout(() => {
      logger.error(`[http] shutdown took longer than ${forceAfterMs} ms; exiting`);
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    const began = Date.now();
    app.stop().then(
      () => {
        logger.info(`[http] stopped cleanly in ${Date.now() - began} ms`);
        process.exit(0);
      },
      (err: unknown) => {
        logger.error('[http] shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  bootLogger.error(
    err instanceof ConfigError ? err.message : `[start] romgraph could not start: ${(err as Error).message}`,
    err instanceof ConfigError ? undefined : err,
  );
  process.exit(1);
}
