/**
 * What an operation may cost, estimated before it runs, after GitHub's node limit: the number of objects it
 * can return, where every page multiplies what is nested in it by its `first` (default 20) and every other
 * list by `listSize`. `initiatives(first: 100) { nodes { participants(first: 100) { nodes { organisation } } } }`
 * costs 100 initiatives + 100 x 100 participations + 100 x 100 organisations = 20,100.
 *
 * It runs on validated documents only, whose expanded size the shape limits already bound, so walking the
 * expansion is cheap and needs no memo.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.js';

export interface CostLimits {
  /** The most objects one operation may ask for. */
  maxCost: number;
  /** Assumed length of a list that takes no `first`. */
  listSize: number;
}

export const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

function intArgument(
  field: FieldNode,
  name: string,
  variables: Readonly<Record<string, unknown>> | undefined,
): number | undefined {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables?.[value.name.value];
    return typeof given === 'number' ? given : undefined;
  }
  return undefined;
}

/** A page size as the resolvers will see it: out-of-range values are refused there, so count the most. */
function pageSize(first: number | undefined): number {
  if (first === undefined || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE);
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The estimated number of objects `operation` returns (see the module comment). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: CostLimits,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  /** `multiplier`: how many times this set is resolved; `page`: the `first` of the connection it is in. */
  const walk = (set: SelectionSetNode, type: GraphQLNamedType, multiplier: number, page: number): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? type)
          : type;
        cost += walk(selection.selectionSet, condition, multiplier, page);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = schema.getType(fragment.typeCondition.name.value) ?? type;
        cost += walk(fragment.selectionSet, condition, multiplier, page);
        continue;
      }
      if (!selection.selectionSet) continue; // scalars and __typename cost nothing of their own
      // On a union or interface the field belongs to one of the possible types: count the widest.
      const definition = isAbstractType(type)
        ? schema
            .getPossibleTypes(type)
            .map((t) => fieldOf(t, selection.name.value))
            .find(Boolean)
        : fieldOf(type, selection.name.value);
      if (!definition) continue;
      const returns = getNullableType(definition.type);
      const named = getNamedType(definition.type);
      const takesPages = definition.args.some((a) => a.name === 'first');
      let count = multiplier;
      if (isListType(returns)) {
        count *= takesPages
          ? pageSize(intArgument(selection, 'first', variables))
          : selection.name.value === 'nodes' || selection.name.value === 'edges'
            ? page
            : limits.listSize;
      }
      const childPage = takesPages ? pageSize(intArgument(selection, 'first', variables)) : page;
      // A connection object itself is bookkeeping; its nodes are what costs.
      cost += named.name.endsWith('Connection') || named.name.endsWith('Edge') ? 0 : count;
      cost += walk(selection.selectionSet, named, count, childPage);
    }
    return cost;
  };
  return walk(operation.selectionSet, root, 1, DEFAULT_PAGE_SIZE);
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
