/**
 * Apollo Server served on plain node:http through `executeHTTPGraphQLRequest` (no express: it cost ~40 % on
 * small queries). Bodies are bounded; errors that are not the caller's are masked with a request id.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Context } from '../../modules/context.js';
import type { Logger } from '../logger.js';

/** Codes a caller can act on; anything else is ours and is masked. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Unexpected error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs internal errors in full with the request id, and puts the id on the masked error the caller sees. */
function errorLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && PUBLIC_CODES.has(code)) continue;
            logger.error(
              `[graphql] request ${contextValue?.scope?.requestId ?? '-'} failed`,
              error.originalError ?? error,
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          for (const error of response.body.singleResult.errors) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error.extensions as Record<string, unknown>).requestId = contextValue?.scope?.requestId;
            }
          }
        },
      };
    },
  };
}

export interface GraphQLHttpOptions {
  schema: GraphQLSchema;
  introspection: boolean;
  validationRules: ValidationRule[];
  maxBodyBytes: number;
  logger: Logger;
  /** Builds the context for a request; may throw a GraphQLError (e.g. UNAUTHENTICATED). */
  context: (req: IncomingMessage) => Promise<Context>;
}

export class GraphQLHttpHandler {
  readonly apollo: ApolloServer<Context>;

  constructor(private readonly options: GraphQLHttpOptions) {
    this.apollo = new ApolloServer<Context>({
      schema: options.schema,
      introspection: options.introspection,
      validationRules: options.validationRules,
      formatError: maskError,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      parseOptions: { maxTokens: 10_000 },
      // Apollo's own SIGTERM handler would stop GraphQL while HTTP still drains (500 for every request in the
      // grace period); the app stops it last, once no request is left.
      stopOnTerminationSignals: false,
      // Apollo pretty-prints by default: ~10 % more bytes and CPU on a dashboard page for nobody's benefit.
      stringifyResult: (value) => JSON.stringify(value),
      plugins: [
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        ApolloServerPluginLandingPageDisabled(),
        errorLogging(options.logger),
      ],
    });
  }

  start(): Promise<void> {
    return this.apollo.start();
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }

  async handle(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, this.options.maxBodyBytes);
      if (raw === null)
        return sendJson(
          res,
          413,
          errorBody(`request body is larger than ${this.options.maxBodyBytes} bytes`),
        );
      const type = headers.get('content-type') ?? '';
      if (/json/i.test(type)) {
        try {
          body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
        } catch {
          return sendJson(res, 400, errorBody('request body is not valid JSON'));
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const response = await this.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: () => this.options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

function errorBody(message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

export function sendJson(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
}

/** The whole body, or null once it passes `limit` bytes (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
