/**
 * Requests HTTP cannot serve, refused with a code and a message saying what to send instead (Apollo's own
 * answers to some of these carry no code, so they were masked as internal errors and logged), and the
 * suggestions left out of errors when introspection is off.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { sha256 } from '../graphql/trusted-documents.js';

/** A request-level client error: BAD_REQUEST, and 400 for the whole response. */
function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The `extensions` of a request: the body's for POST, the search parameter (JSON) for GET. */
function extensionsOf(method: string, body: unknown, search: string): unknown {
  if (method === 'GET') {
    const raw = new URLSearchParams(search).get('extensions');
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined; // Apollo answers malformed JSON itself
    }
  }
  return body && typeof body === 'object' ? (body as { extensions?: unknown }).extensions : undefined;
}

/** The query text of a request: the body's `query` for POST, the search parameter for GET. */
export function queryOf(method: string, body: unknown, search: string): unknown {
  if (method === 'GET') return new URLSearchParams(search).get('query') ?? undefined;
  return body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
}

/**
 * Checks `extensions.persistedQuery` (automatic persisted queries) before Apollo reads it: Apollo refuses a
 * bad one with an error without a code, which would be masked as internal, and no plugin hook runs early
 * enough to answer for it. Returns the problem, worded as what to send instead, and the field at fault;
 * undefined when there is none. A well-formed hash without a query is left to Apollo: PERSISTED_QUERY_NOT_FOUND is how a client
 * learns to send both.
 */
export function persistedQueryProblem(
  method: string,
  body: unknown,
  search: string,
): { message: string; field: string } | undefined {
  const extensions = extensionsOf(method, body, search);
  if (!extensions || typeof extensions !== 'object') return undefined;
  const persisted: unknown = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  const field = 'extensions.persistedQuery';
  if (typeof persisted !== 'object' || Array.isArray(persisted)) {
    return {
      message: `${field} must be an object { "version": 1, "sha256Hash": "<SHA-256 of the query, hex>" }, or left out`,
      field,
    };
  }
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) {
    return {
      message: `${field}.version must be the number 1, the only persisted query version served here`,
      field: `${field}.version`,
    };
  }
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    return {
      message: `${field}.sha256Hash must be the SHA-256 of the query text as 64 lowercase hex digits`,
      field: `${field}.sha256Hash`,
    };
  }
  const query = queryOf(method, body, search);
  if (typeof query === 'string' && sha256(query) !== sha256Hash) {
    return {
      message: `${field}.sha256Hash is not the SHA-256 of query: hash the exact query text you send (UTF-8), or leave persistedQuery out`,
      field: `${field}.sha256Hash`,
    };
  }
  return undefined;
}

/** Subscriptions are served over WebSocket only; over HTTP they would run as a query and fail inside. */
export function subscriptionsOverWebSocket<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw badRequest(
            'Subscriptions are served over WebSocket: connect to /graphql with the graphql-transport-ws subprotocol (e.g. the graphql-ws client) and send the subscription there',
          );
        },
      };
    },
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Leaves "Did you mean ...?" out of errors, for a server whose introspection is off. Apollo's
 * `hideSchemaDetailsFromClientErrors` strips it from validation errors only; variables are coerced later, in
 * execution, and their errors would still name the enum values and input fields they were close to.
 */
export function hideSuggestions<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
