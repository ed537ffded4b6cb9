/**
 * A real romgraph server on a free port over a fresh cloned database, and the SDK's client for it: every test
 * that talks GraphQL to the server as a client does so through `@romgraph/client`, so it tests the SDK too.
 */
import WebSocket from 'ws';
import {
  createRomgraphClient,
  type GraphQLErrorLike,
  type RomgraphClient,
  type RomgraphError,
} from '../../client-sdk/src/index.js';
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Logger } from '../../server/infra/logger.js';
import type { Role } from '../../server/vocabulary.js';
import { createTestDatabase } from './postgres.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: (GraphQLErrorLike & { extensions?: { code?: string; [k: string]: unknown } })[];
  requestId?: string;
  headers: Headers;
}

/**
 * The SDK's client for a server. `auth`: a bearer token, or a whole Authorization value ("Bearer ...",
 * "ApiKey rgk_...", or anything else, sent as it is).
 */
export function sdkClient(url: string, auth?: string): RomgraphClient {
  const bearer = auth && /^Bearer (.+)$/.exec(auth)?.[1];
  const apiKey = auth && /^ApiKey (.+)$/.exec(auth)?.[1];
  const raw = auth && !bearer && !apiKey && /^[A-Za-z]+ /.test(auth) ? auth : undefined;
  return createRomgraphClient({
    url: `${url}/graphql`,
    webSocketImpl: WebSocket,
    retries: 0,
    auth: apiKey ? { apiKey } : bearer ? { token: bearer } : auth && !raw ? { token: auth } : undefined,
    headers: raw ? { authorization: raw } : undefined,
  });
}

export interface TestServer {
  app: App;
  /** What the server logged at warn and error level (kept, not printed: some tests provoke errors). */
  logs: string[];
  url: string;
  databaseUrl: string;
  /**
   * POSTs one operation through the SDK (`client.execute`) and returns the whole response. `auth`: a bearer
   * token, or a whole Authorization value ("ApiKey rgk_...", "Basic ...").
   */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: string,
  ): Promise<GraphQLResponse<T>>;
  /** The SDK's client for this server, signed in with `auth` as in `gql`, for typed calls. */
  client(auth?: string): RomgraphClient;
  /** A valid bearer token for an organisation code and role. */
  token(organisationCode: string, role: Role, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * @param shared the database of another test server, for several instances on one database (only the
 *   server that created a database drops it).
 * @param port where to listen (a free port by default): the port of a server that stopped, to restart it.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  shared?: TestServer,
  port = 0,
): Promise<TestServer> {
  const database = shared ? { url: shared.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    DB_POOL_SIZE: '12',
    // Tests ask for the metrics they check; computing the default views at start would only add load.
    GRAPH_WARM_METRICS: 'false',
    // New events wake the webhook deliverer at once; its fallback poll (for due retries) would only add
    // statements to the tests that count them. The webhook tests set their own.
    WEBHOOK_POLL_MS: '60000',
    // The suite sends thousands of operations from one address; the rate-limit tests turn the limits on.
    RATE_LIMIT: 'false',
    // Many tests open many sockets from 127.0.0.1, anonymously; the cap has a test of its own.
    WS_MAX_CONNECTIONS_PER_CALLER: '100000',
    ...env,
  });
  const logs: string[] = [];
  const keep = (message: string, detail?: unknown) =>
    logs.push(detail instanceof Error ? `${message}: ${detail.message}` : message);
  const logger: Logger = { debug: () => {}, info: () => {}, warn: keep, error: keep };
  const app = await createApp(config, { logger });
  const url = await app.start(port);
  const clients = new Map<string, RomgraphClient>();
  const client = (auth?: string): RomgraphClient => {
    let found = clients.get(auth ?? '');
    if (!found) clients.set(auth ?? '', (found = sdkClient(url, auth)));
    return found;
  };
  return {
    app,
    logs,
    url,
    databaseUrl: database.url,
    async gql(query, variables, auth) {
      return (await client(auth).execute(query, variables)) as GraphQLResponse;
    },
    client,
    token(organisationCode, role, ttlSeconds = 3600) {
      return app.tokens.sign(
        { subject: `test-${organisationCode}-${role}`, organisationCode, role },
        ttlSeconds,
      );
    },
    async close() {
      await Promise.all([...clients.values()].map((c) => c.dispose()));
      await app.stop();
      await database.drop();
    },
  };
}

/** The error code of the first error, for terse assertions. */
export function firstCode(response: Pick<GraphQLResponse, 'errors'>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** The error a call of the SDK throws (and a test failure if it does not throw). */
export async function caught(call: Promise<unknown>): Promise<RomgraphError> {
  try {
    await call;
  } catch (error) {
    return error as RomgraphError;
  }
  throw new Error('expected it to fail');
}
