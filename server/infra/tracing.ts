/**
 * OpenTelemetry tracing hooks, on @opentelemetry/api only: with no SDK registered (the default), every tracer
 * is the API's no-op one, spans are not recorded and nothing below does more than create an empty span. An
 * operator who wants traces starts the process with an SDK registered first (README "Running in production"),
 * e.g. `node --import ./otel.js dist/server/main.js`; the spans then appear without a change here.
 *
 * Spans: `graphql.request` per HTTP operation (renamed `query Name` once the operation is known, with the
 * operation's name and type and the error codes), `events.deliver` per batch of the live feed and
 * `webhook.deliver` per webhook delivery attempt.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

const tracer = () => trace.getTracer('romgraph');

/** Runs `work` inside a span; a thrown error marks the span as failed (and is rethrown). */
export async function traced<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      if (span.isRecording()) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      }
      throw err;
    } finally {
      span.end();
    }
  });
}

/** A span per GraphQL request over HTTP (semantic conventions' graphql.operation.* attributes). */
export function tracingPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const span = tracer().startSpan('graphql.request', { kind: SpanKind.SERVER });
      if (!span.isRecording()) {
        span.end();
        return;
      }
      return {
        async didResolveOperation({ operationName, operation }) {
          const type = operation?.operation ?? 'query';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            span.setAttribute('romgraph.error.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
          }
          span.end();
        },
      };
    },
  };
}

export { SpanKind };
