/**
 * The only reader of process.env. Every setting is validated once at start-up; a bad value stops the
 * process with a message that names the variable and what it accepts.
 */
import ipaddr from 'ipaddr.js';
import type { RateLimitSettings } from './infra/http/rate-limit.js';
import path from 'node:path';
import type { LogFormat } from './infra/logger.js';

export interface Config {
  /** TCP port for HTTP and WebSocket. */
  port: number;
  host: string;
  /** PostgreSQL connection string; absent means the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  /** Where embedded data lives (PGlite files, the development token secret). */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  dbPoolSize: number;
  /** Redis connection string for cross-instance wake-ups; absent means in-process fan-out. */
  redisUrl: string | undefined;
  /** Import the reference network when the database holds no organisations yet. */
  seedOnStart: boolean;
  /** `production` turns off introspection by default and refuses unsafe defaults. */
  nodeEnv: string;
  introspection: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Largest accepted WebSocket message, in bytes. */
  wsMaxFrameBytes: number;
  /** Longest string in an operation's document or variables, in characters. */
  maxStringLength: number;
  /** Rate limits per caller (infra/http/rate-limit.ts). */
  rateLimit: RateLimitSettings;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: the socket's peer is the caller. */
  trustedProxies: string[];
  /** Deepest accepted selection set. */
  maxQueryDepth: number;
  /** Most aliases in one operation. */
  maxAliases: number;
  /** Most selections (fields, spreads, inline fragments) in one document once fragments are expanded. */
  maxSelections: number;
  /** Most objects one operation may ask for, estimated from page sizes before it runs. */
  maxQueryCost: number;
  /** Assumed length of a list without `first`, for the cost estimate. */
  costListSize: number;
  /** PostgreSQL statement_timeout for every pooled connection, ms. */
  statementTimeoutMs: number;
  /** How long one operation may run before its remaining database reads are refused, ms. */
  operationTimeoutMs: number;
  /** Pool connections one request may use at once. */
  dbConnectionsPerRequest: number;
  /** Pool connections one caller (token subject, API key, or address when anonymous) may use at once. */
  dbConnectionsPerCaller: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** `json` (one object per line, for a log collector; the default in production) or `pretty` (development). */
  logFormat: LogFormat;
  /** Serve Prometheus metrics at GET /metrics. */
  metrics: boolean;
  /** Bearer token GET /metrics requires; without it (and METRICS_PORT) production answers /metrics with 404. */
  metricsToken: string | undefined;
  /** A separate port for GET /metrics only (e.g. on a private network); the main port then serves none. */
  metricsPort: number | undefined;
  /** `all`: accept only the registered documents of schema/trusted-documents.json from every caller; `off`: any (API keys may still be restricted one by one). */
  trustedDocuments: 'off' | 'all';
  /** HS256 secret for bearer tokens; absent in development means one is made under `dataDir`. */
  jwtSecret: string | undefined;
  /** JWKS of an identity provider whose RS256/ES256 tokens are accepted too (single sign-on). */
  jwksUrl: string | undefined;
  /** Required `iss` of identity-provider tokens (with JWKS_URL). */
  jwtIssuer: string | undefined;
  /** Required `aud` of identity-provider tokens (with JWKS_URL), if set. */
  jwtAudience: string | undefined;
  /** Fallback poll of the event log by the live feed, ms (wake-ups are faster). */
  eventsPollMs: number;
  /** Events the live feed reads from the log per round. */
  eventsBatchSize: number;
  /** Most edges one graph answer may hold (`partnershipGraph`, `neighbourhood`); more is an export. */
  graphMaxEdges: number;
  /** Compute the network metrics of the public and the network-wide view at start, before anyone asks. */
  graphWarmMetrics: boolean;
  /** Unsent bytes a WebSocket may hold before its subscribers count as slow consumers (closed with 4420). */
  /** Private hosts or CIDRs webhooks may reach (WEBHOOK_ALLOWED_HOSTS, comma-separated). */
  webhookAllowedHosts: string[];
  /** Loopback without listing it: on outside production. */
  webhookAllowLoopback: boolean;
  /** First retry of a failed delivery, ms; doubling with jitter up to an hour. */
  webhookRetryBaseMs: number;
  /** How long a failing delivery is retried before the webhook is disabled. */
  webhookRetryForHours: number;
  webhookTimeoutMs: number;
  /** Fallback poll of the webhooks due for delivery (the feed wakes the deliverer on every new event). */
  webhookPollMs: number;
  /** Webhooks one instance holds the leases of and delivers to at once (a hanging endpoint holds one). */
  webhookConcurrency: number;
  /** How long an instance holds a webhook without renewing; a crashed one's webhooks wait that long. */
  webhookLeaseMs: number;
  wsMaxBufferedBytes: number;
  /** How often connections authenticated by API key re-check the key, ms. */
  wsRecheckMs: number;
  /** Operations one WebSocket may run at once. */
  wsMaxSubscriptionsPerSocket: number;
  /** Operations one caller may run at once over all its WebSockets. */
  wsMaxSubscriptionsPerCaller: number;
  /** WebSocket connections one caller may hold open at once. */
  wsMaxConnectionsPerCaller: number;
  /** Subscriptions replaying the log at once on this instance (the rest wait their turn). */
  wsMaxReplays: number;
  /** Subscriptions of one caller replaying at once. */
  wsMaxReplaysPerCaller: number;
  /** Log every SQL statement (TypeORM logger), for debugging. */
  logSql: boolean;
  /**
   * After SIGTERM, how long readiness fails while requests are still served, ms: the time a load balancer needs
   * to notice and stop sending.
   */
  shutdownGraceMs: number;
  /** After the grace period, how long in-flight requests may take to finish before their connections are cut, ms. */
  shutdownTimeoutMs: number;
  /**
   * Origins (scheme://host[:port]) other web apps may call the API from (CORS_ORIGINS, comma-separated; `*` for
   * any, without credentials). Empty: no cross-origin access. WebSocket handshakes are checked against it too.
   */
  corsOrigins: string[];
  /** Serve the dashboard at `/` from the Vite build in `web/dist`. */
  webApp: boolean;
  /** Build the dashboard on start when its build is missing or older than its sources (never in production). */
  webBuildOnStart: boolean;
  /** GraphiQL at `GET /graphql` for browsers; off in production unless GRAPHIQL=true. */
  graphiql: boolean;
  /** `POST /auth/dev-token`: a token for any organisation and role, for the dashboard's "sign in as". Never in production. */
  devSignIn: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `[config] ${name}=${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`[config] ${name}=${JSON.stringify(raw)} is not a boolean (use true or false)`);
}

function urlVar(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`[config] ${name} is not a URL; expected e.g. ${protocols[0]}//host:port/...`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(
      `[config] ${name} must start with ${protocols.join(' or ')}, not ${parsed.protocol}`,
    );
  }
  return raw;
}

function devSignIn(env: Env, nodeEnv: string): boolean {
  const on = boolVar(env, 'DEV_SIGN_IN', nodeEnv !== 'production');
  if (on && nodeEnv === 'production') {
    throw new ConfigError(
      '[config] DEV_SIGN_IN hands out tokens for any organisation: it cannot be on with NODE_ENV=production',
    );
  }
  return on;
}

function jwtSecret(env: Env, nodeEnv: string): string | undefined {
  const secret = env.JWT_SECRET;
  if (secret && secret.length < 32) {
    throw new ConfigError(
      '[config] JWT_SECRET is shorter than 32 characters; use e.g. `openssl rand -base64 48`',
    );
  }
  if (!secret && nodeEnv === 'production') {
    throw new ConfigError(
      '[config] JWT_SECRET is required when NODE_ENV=production (use e.g. `openssl rand -base64 48`)',
    );
  }
  return secret || undefined;
}

/** A comma-separated setting as its entries, trimmed, empty ones left out. */
function listVar(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** TRUSTED_PROXIES: addresses or CIDRs (`10.0.0.0/8`, `::1`), comma-separated. */
function trustedProxies(env: Env): string[] {
  const entries = listVar(env, 'TRUSTED_PROXIES');
  for (const entry of entries) {
    const ok = entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry);
    if (!ok) {
      throw new ConfigError(
        `[config] TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address or CIDR (e.g. 10.0.0.0/8, 127.0.0.1)`,
      );
    }
  }
  return entries;
}

/** CORS_ORIGINS: each entry an origin as browsers send it (no path, no trailing slash), or `*`. */
function originsVar(env: Env): string[] {
  const entries = listVar(env, 'CORS_ORIGINS');
  for (const entry of entries) {
    if (entry === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(entry);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== entry.toLowerCase()) {
      throw new ConfigError(
        `[config] CORS_ORIGINS: ${JSON.stringify(entry)} is not an origin; write scheme://host[:port] without a path, e.g. https://dashboard.example.nl`,
      );
    }
  }
  return entries.map((o) => o.toLowerCase());
}

/** LOG_FORMAT, else json in production and pretty elsewhere (also for the lines logged before the rest is read). */
export function logFormatOf(env: Env = process.env): LogFormat {
  const format = env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty')
    throw new ConfigError(`[config] LOG_FORMAT=${JSON.stringify(env.LOG_FORMAT)} must be json or pretty`);
  return format;
}

function trustedDocumentsVar(env: Env): Config['trustedDocuments'] {
  const value = (env.TRUSTED_DOCUMENTS || 'off').toLowerCase();
  if (value !== 'off' && value !== 'all')
    throw new ConfigError(
      `[config] TRUSTED_DOCUMENTS=${JSON.stringify(env.TRUSTED_DOCUMENTS)} must be off or all (API keys are restricted one by one with trustedDocumentsOnly)`,
    );
  return value;
}

function metricsTokenVar(env: Env): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{16,}$/.test(token))
    throw new ConfigError(
      '[config] METRICS_TOKEN must be at least 16 printable characters without spaces (e.g. `openssl rand -hex 24`)',
    );
  return token;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(
      `[config] LOG_LEVEL=${JSON.stringify(env.LOG_LEVEL)} must be debug, info, warn or error`,
    );
  }
  const databaseUrl = urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const poolSize = intVar(env, 'DB_POOL_SIZE', 10, 1, 200);
  const webhookTimeoutMs = intVar(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000);
  const webhookLeaseMs = intVar(env, 'WEBHOOK_LEASE_MS', 60_000, 500, 3_600_000);
  // A claim must outlive the request it covers, or a second instance would deliver beside the first.
  if (webhookLeaseMs <= webhookTimeoutMs) {
    throw new Error(
      `[config] WEBHOOK_LEASE_MS (${webhookLeaseMs}) must be longer than WEBHOOK_TIMEOUT_MS (${webhookTimeoutMs})`,
    );
  }
  return {
    port: intVar(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    dbPoolSize: poolSize,
    redisUrl: urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']),
    seedOnStart: boolVar(env, 'SEED_ON_START', databaseUrl === undefined),
    nodeEnv,
    // On in production too: the schema is public (committed, in the SDK), introspection is bounded like any
    // operation, and the GraphQL-over-HTTP audit asks types by introspection (docs/decisions/0014).
    introspection: boolVar(env, 'INTROSPECTION', true),
    maxBodyBytes: intVar(env, 'MAX_BODY_BYTES', 100_000, 1_000, 100_000_000),
    wsMaxFrameBytes: intVar(env, 'WS_MAX_FRAME_BYTES', 1_048_576, 1_000, 100_000_000),
    maxStringLength: intVar(env, 'MAX_STRING_LENGTH', 10_000, 100, 10_000_000),
    rateLimit: {
      enabled: boolVar(env, 'RATE_LIMIT', true),
      pointsPerHour: intVar(env, 'RATE_LIMIT_POINTS_PER_HOUR', 5_000, 1, 1_000_000_000),
      anonymousPointsPerHour: intVar(env, 'RATE_LIMIT_ANONYMOUS_POINTS_PER_HOUR', 1_000, 1, 1_000_000_000),
      burstPerMinute: intVar(env, 'RATE_LIMIT_BURST_PER_MINUTE', 600, 1, 1_000_000_000),
      keyPrefix: env.RATE_LIMIT_KEY_PREFIX || 'romgraph:rl:',
    },
    trustedProxies: trustedProxies(env),
    maxQueryDepth: intVar(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
    maxAliases: intVar(env, 'MAX_ALIASES', 30, 1, 1000),
    maxSelections: intVar(env, 'MAX_QUERY_SELECTIONS', 2000, 10, 100_000),
    maxQueryCost: intVar(env, 'MAX_QUERY_COST', 25_000, 1, 100_000_000),
    costListSize: intVar(env, 'COST_LIST_SIZE', 20, 1, 10_000),
    statementTimeoutMs: intVar(env, 'STATEMENT_TIMEOUT_MS', 5_000, 100, 3_600_000),
    operationTimeoutMs: intVar(env, 'OPERATION_TIMEOUT_MS', 10_000, 100, 3_600_000),
    dbConnectionsPerRequest: intVar(env, 'DB_CONNECTIONS_PER_REQUEST', 2, 1, 200),
    // Half the pool: one caller's burst leaves the other half to everyone else and to the live feed.
    dbConnectionsPerCaller: intVar(
      env,
      'DB_CONNECTIONS_PER_CALLER',
      Math.max(1, Math.floor(poolSize / 2)),
      1,
      200,
    ),
    logLevel,
    logSql: boolVar(env, 'LOG_SQL', false),
    logFormat: logFormatOf(env),
    metrics: boolVar(env, 'METRICS', true),
    metricsToken: metricsTokenVar(env),
    metricsPort: env.METRICS_PORT ? intVar(env, 'METRICS_PORT', 0, 0, 65535) : undefined,
    trustedDocuments: trustedDocumentsVar(env),
    eventsPollMs: intVar(env, 'EVENTS_POLL_MS', 500, 10, 60_000),
    eventsBatchSize: intVar(env, 'EVENTS_BATCH_SIZE', 500, 1, 10_000),
    graphMaxEdges: intVar(env, 'GRAPH_MAX_EDGES', 50_000, 1, 10_000_000),
    graphWarmMetrics: boolVar(env, 'GRAPH_WARM_METRICS', true),
    wsMaxBufferedBytes: intVar(env, 'WS_MAX_BUFFERED_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    wsRecheckMs: intVar(env, 'WS_RECHECK_MS', 5000, 100, 3_600_000),
    wsMaxSubscriptionsPerSocket: intVar(env, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 10_000),
    wsMaxSubscriptionsPerCaller: intVar(env, 'WS_MAX_SUBSCRIPTIONS_PER_CALLER', 200, 1, 1_000_000),
    wsMaxConnectionsPerCaller: intVar(env, 'WS_MAX_CONNECTIONS_PER_CALLER', 100, 1, 1_000_000),
    wsMaxReplays: intVar(env, 'WS_MAX_REPLAYS', 8, 1, 1000),
    wsMaxReplaysPerCaller: intVar(env, 'WS_MAX_REPLAYS_PER_CALLER', 2, 1, 1000),
    // No load balancer to wait for in development, where a stop should be immediate.
    shutdownGraceMs: intVar(env, 'SHUTDOWN_GRACE_MS', nodeEnv === 'production' ? 5000 : 0, 0, 300_000),
    shutdownTimeoutMs: intVar(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 300_000),
    webhookAllowedHosts: listVar(env, 'WEBHOOK_ALLOWED_HOSTS').map((h) => h.toLowerCase()),
    webhookAllowLoopback: boolVar(env, 'WEBHOOK_ALLOW_LOOPBACK', nodeEnv !== 'production'),
    webhookRetryBaseMs: intVar(env, 'WEBHOOK_RETRY_BASE_MS', 1000, 10, 3_600_000),
    webhookRetryForHours: intVar(env, 'WEBHOOK_RETRY_FOR_HOURS', 24, 0, 24 * 30),
    webhookTimeoutMs,
    webhookPollMs: intVar(env, 'WEBHOOK_POLL_MS', 1000, 10, 60_000),
    webhookConcurrency: intVar(env, 'WEBHOOK_CONCURRENCY', 5000, 1, 100_000),
    webhookLeaseMs,
    corsOrigins: originsVar(env),
    webApp: boolVar(env, 'WEB_APP', true),
    webBuildOnStart: boolVar(env, 'WEB_BUILD_ON_START', nodeEnv !== 'production'),
    graphiql: boolVar(env, 'GRAPHIQL', nodeEnv !== 'production'),
    devSignIn: devSignIn(env, nodeEnv),
    jwtSecret: jwtSecret(env, nodeEnv),
    jwksUrl: urlVar(env, 'JWKS_URL', ['https:', 'http:']),
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
  };
}
