/**
 * What an operation may cost, estimated before it runs, after GitHub's node limit: the number of objects it
 * can return, where every page multiplies what is nested in it by its `first` (default 20) and every other
 * list by `listSize`. `initiatives(first: 100) { nodes { participants(first: 100) { nodes { organisation } } } }`
 * costs 100 initiatives + 100 x 100 participations + 100 x 100 organisations = 20,100.
 *
 * The walk is graphql-query-complexity's (fragments, inline fragments, @skip/@include, abstract types); the
 * estimator below is the pricing. It runs on validated documents only, whose expanded size the shape limits
 * already bound.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.js';

export interface CostLimits {
  /** The most objects one operation may ask for. */
  maxCost: number;
  /** Assumed length of a list that takes no `first`. */
  listSize: number;
}

export const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

/** A page size as the resolvers will see it: out-of-range values are refused there, so count the most. */
function pageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE);
}

/** Connections, their edges and page info are bookkeeping: the nodes in them are what costs. */
function bookkeeping(typeName: string): boolean {
  return typeName.endsWith('Connection') || typeName.endsWith('Edge') || typeName === 'PageInfo';
}

function estimator(limits: CostLimits): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 0;
    // Introspection reads no data: it is answered from the schema in memory, and graphql-js's
    // MaxIntrospectionDepthRule (part of its specified rules) keeps its lists from nesting three deep, so its
    // answer is bounded by the schema's size. Priced as lists, an IDE's introspection query would cost
    // 100,000 objects.
    if (named.name.startsWith('__')) return 0;
    const each = (bookkeeping(named.name) ? 0 : 1) + childComplexity;
    // A page: what its nodes and edges cost, once per node it may hold.
    if (field.args.some((a) => a.name === 'first')) return pageSize(args.first) * each;
    // The nodes and edges of a page: counted once here, multiplied by the page above.
    if (bookkeeping(type.name)) return each;
    return isListType(getNullableType(field.type)) ? limits.listSize * each : each;
  };
}

/**
 * The variables that can change an operation's cost: those given to `first` or to `@skip`/`@include`. Found
 * once per document (Apollo hands the same parsed document to every request with the same text).
 */
const costVariables = new WeakMap<OperationDefinitionNode, readonly string[]>();

function variablesThatPrice(document: DocumentNode, operation: OperationDefinitionNode): readonly string[] {
  let names = costVariables.get(operation);
  if (!names) {
    const found = new Set<string>();
    const enter = (node: ASTNode) => {
      visit(node, {
        Argument(argument) {
          if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) {
            found.add(argument.value.name.value);
          }
        },
        Directive(directive) {
          for (const argument of directive.arguments ?? []) {
            if (argument.value.kind === Kind.VARIABLE) found.add(argument.value.name.value);
          }
        },
      });
    };
    enter(operation);
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) enter(definition);
    }
    names = [...found].sort();
    costVariables.set(operation, names);
  }
  return names;
}

/** Costs by operation and the values of its pricing variables: most requests repeat a handful of shapes. */
const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
const COSTS_PER_OPERATION = 100;

/** The estimated number of objects `operation` returns (see the module comment). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: CostLimits,
): number {
  const names = variablesThatPrice(document, operation);
  const key = `${limits.maxCost}:${limits.listSize}:${names.length ? JSON.stringify(names.map((n) => variables?.[n])) : ''}`;
  let known = costs.get(operation);
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  // Variables that do not fit the operation are refused by execution with BAD_USER_INPUT before any read.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...variables });
  if (coerced.errors) return 0;
  const cost = getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables: { ...variables },
    estimators: [estimator(limits)],
    // The shape limits bound the walk already; the library's own node limit would throw instead of pricing.
    maxQueryNodes: Number.MAX_SAFE_INTEGER,
  });
  if (!known) costs.set(operation, (known = new Map()));
  if (known.size >= COSTS_PER_OPERATION) known.delete(known.keys().next().value!);
  known.set(key, cost);
  return cost;
}

/** The error for an operation over the limit: it says the cost, the limit and how to get under it. */
export function costError(cost: number, limits: CostLimits): GraphQLError {
  return new GraphQLError(
    `the operation could return ${cost} objects; at most ${limits.maxCost} are allowed per operation. ` +
      'Ask for smaller pages (first), fewer nested lists, or page through in several requests',
    { extensions: { code: COST_LIMIT_EXCEEDED, cost, limit: limits.maxCost } },
  );
}

/** The operation named `operationName` (or the only one), as execution would pick it. */
export function selectedOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  let found: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName ? definition.name?.value === operationName : found === undefined) found = definition;
    else if (!operationName) return undefined;
  }
  return found;
}

/**
 * Refuses an HTTP operation over the cost limit before it runs (Apollo calls this once the operation and its
 * variables are known, after validation).
 */
export function costPlugin(limits: CostLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables, limits);
          if (cost > limits.maxCost) {
            const error = costError(cost, limits);
            throw new GraphQLError(error.message, {
              extensions: { ...error.extensions, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
