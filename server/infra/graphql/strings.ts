/**
 * The longest string an operation may carry, in its document or its variables: a description is at most 5,000
 * characters and a code 64, so nothing the schema stores needs more than `MAX_STRING_LENGTH` (10,000 by
 * default). A longer one is the caller's mistake or an attack, refused with BAD_USER_INPUT before anything runs,
 * over HTTP and WebSocket alike.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

export interface LongString {
  /** Where: `$variable.path.to[3]` for a variable, `line:column` of the literal in the document. */
  at: string;
  length: number;
}

/** The first string longer than `max` in the document's literals or in the variables, if any. */
export function longStringIn(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  max: number,
): LongString | null {
  const literal = longLiteralIn(document, max);
  if (literal) return literal;
  // Iterative, so a deeply nested variable cannot overflow the stack.
  const pending: [unknown, string][] = Object.entries(variables ?? {}).map(([k, v]) => [v, `$${k}`]);
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.length > max) return { at: path, length: value.length };
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push([item, `${path}[${i}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([item, `${path}.${key}`]);
    }
  }
  return null;
}

/** The document's verdict by limit: Apollo hands the same parsed document to every request with its text. */
const literals = new WeakMap<DocumentNode, Map<number, LongString | null>>();

function longLiteralIn(document: DocumentNode, max: number): LongString | null {
  let known = literals.get(document);
  if (!known) literals.set(document, (known = new Map()));
  const cached = known.get(max);
  if (cached !== undefined) return cached;
  let found: LongString | null = null;
  visit(document, {
    StringValue(node) {
      if (node.value.length <= max) return undefined;
      const where = node.loc ? `${node.loc.startToken.line}:${node.loc.startToken.column}` : 'the document';
      found = { at: where, length: node.value.length };
      return BREAK;
    },
  });
  known.set(max, found);
  return found;
}

export function longStringError(found: LongString, max: number): GraphQLError {
  return new GraphQLError(
    `a string of ${found.length} characters at ${found.at}; at most ${max} are allowed in one argument`,
    { extensions: { code: 'BAD_USER_INPUT', field: found.at, length: found.length, limit: max } },
  );
}

/** Refuses an HTTP operation with a string over the limit (HTTP 400), before it runs. */
export function stringLimitPlugin(max: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const found = longStringIn(document, request.variables, max);
          if (!found) return;
          const error = longStringError(found, max);
          throw new GraphQLError(error.message, {
            extensions: { ...error.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}
