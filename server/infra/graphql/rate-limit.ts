/**
 * The rate limit on HTTP operations: once Apollo knows the operation and its variables, it spends the
 * operation's points (from its cost) against the caller, refusing with RATE_LIMITED (HTTP 429, Retry-After)
 * when the hour or the minute is spent; every response carries the x-ratelimit-* headers.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestScope } from '../request-scope.js';
import { RateLimitedError, pointsOf, rateLimitHeaders, type RateLimits } from '../http/rate-limit.js';
import { operationCost, type CostLimits } from './cost.js';

export function rateLimitPlugin(
  limits: RateLimits,
  costLimits: CostLimits,
): ApolloServerPlugin<{ scope: RequestScope }> {
  const anonymous = (scope: RequestScope) => scope.viewer.kind === 'anonymous';
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const { scope } = contextValue;
          if (!operation || !scope.caller) return;
          const cost = operationCost(schema, document, operation, request.variables, costLimits);
          // Over the cost limit it is refused without running (the cost plugin): nothing to spend.
          if (cost > costLimits.maxCost) return;
          try {
            scope.rateLimit = await limits.consume(scope.caller, anonymous(scope), pointsOf(cost));
          } catch (err) {
            if (!(err instanceof RateLimitedError)) throw err;
            scope.rateLimit = err.state;
            throw new GraphQLError(err.message, {
              extensions: {
                ...err.extensions,
                http: { status: 429, headers: new Map([['retry-after', String(err.retryAfterSeconds)]]) },
              },
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          const scope = contextValue?.scope;
          if (!scope?.caller) return;
          const state = scope.rateLimit ?? (await limits.state(scope.caller, anonymous(scope)));
          for (const [name, value] of rateLimitHeaders(state)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
