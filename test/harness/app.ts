/** A real romgraph server on a free port over a fresh cloned database, and a small GraphQL client for it. */
import { createApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Logger } from '../../server/infra/logger.js';
import type { Role } from '../../server/vocabulary.js';
import { createTestDatabase } from './postgres.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  app: App;
  /** What the server logged at warn and error level (kept, not printed: some tests provoke errors). */
  logs: string[];
  url: string;
  databaseUrl: string;
  /** POSTs one operation. `auth`: a bearer token, or a whole Authorization value ("ApiKey rgk_...", "Basic ..."). */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: string,
  ): Promise<GraphQLResponse<T>>;
  /** A valid bearer token for an organisation code and role. */
  token(organisationCode: string, role: Role, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * @param shared the database of another test server, for several instances on one database (only the
 *   server that created a database drops it).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  shared?: TestServer,
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
    ...env,
  });
  const logs: string[] = [];
  const keep = (message: string, detail?: unknown) =>
    logs.push(detail instanceof Error ? `${message}: ${detail.message}` : message);
  const logger: Logger = { debug: () => {}, info: () => {}, warn: keep, error: keep };
  const app = await createApp(config, { logger });
  const url = await app.start(0);
  return {
    app,
    logs,
    url,
    databaseUrl: database.url,
    async gql(query, variables, auth) {
      const authorization = auth && /^[A-Za-z]+ /.test(auth) ? auth : auth ? `Bearer ${auth}` : undefined;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body };
    },
    token(organisationCode, role, ttlSeconds = 3600) {
      return app.tokens.sign(
        { subject: `test-${organisationCode}-${role}`, organisationCode, role },
        ttlSeconds,
      );
    },
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}

/** The error code of the first error, for terse assertions. */
export function firstCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
