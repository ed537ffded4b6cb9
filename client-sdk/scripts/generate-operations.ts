/**
 * Writes one named operation per root field of the API (client-sdk/operations/<field>.graphql) and the list of
 * them (src/generated/operations.ts), from the committed schema/schema.graphql. GraphQL Code Generator then types
 * each one (codegen.ts). Nothing here is written by hand per field: a new query or mutation in the schema becomes
 * an SDK method when `npm run sdk:generate` runs, and CI fails while it has not.
 *
 * What each operation selects, so that answers stay well inside the server's cost limit:
 * - every argument of the field becomes a variable of the same name and type (nullable where the argument has a
 *   default, which then applies when the variable is left out);
 * - on the returned type, every scalar and enum field without required arguments;
 * - on an object field (one level down, or two below a single object), its scalar and enum fields; inside a
 *   list, scalar and enum fields only (a list multiplies what it holds);
 * - a connection gives `totalCount`, `pageInfo { hasNextPage endCursor }` and its nodes;
 * - fields that take required arguments, nested connections and interface-typed fields are left to
 *   `client.request` with a document of your own.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

const root = new URL('../../', import.meta.url);
const out = new URL('../operations/', import.meta.url);
const generated = new URL('../src/generated/', import.meta.url);

const isLeaf = (t: GraphQLNamedType) => isScalarType(t) || isEnumType(t);
const isConnection = (t: GraphQLNamedType): boolean =>
  isObjectType(t) && t.name.endsWith('Connection') && 'pageInfo' in t.getFields() && 'nodes' in t.getFields();
const takesRequiredArgs = (f: GraphQLField<unknown, unknown>) =>
  f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

function leaves(type: GraphQLObjectType, indent: string): string[] {
  return Object.values(type.getFields())
    .filter((f) => isLeaf(getNamedType(f.type)) && !takesRequiredArgs(f))
    .map((f) => `${indent}${f.name}`);
}

/** The selection of an object: its leaves, and (while `depth` allows) its object fields' leaves. */
function selection(type: GraphQLObjectType, indent: string, depth: number): string[] {
  if (isConnection(type)) {
    const node = getNamedType(type.getFields().nodes!.type) as GraphQLObjectType;
    return [
      ...('totalCount' in type.getFields() ? [`${indent}totalCount`] : []),
      `${indent}pageInfo {`,
      `${indent}  hasNextPage`,
      `${indent}  endCursor`,
      `${indent}}`,
      `${indent}nodes {`,
      ...selection(node, `${indent}  `, depth),
      `${indent}}`,
    ];
  }
  const lines = leaves(type, indent);
  if (depth > 0) {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isLeaf(named) || takesRequiredArgs(field)) continue;
      if (!isObjectType(named) || isConnection(named)) continue; // interfaces, unions, nested connections
      // Lists multiply what they hold (the cost limit prices each at listSize): inside one, leaves only.
      const many = isListType(getNullableType(field.type));
      const inner =
        depth > 1 && !many ? selection(named, `${indent}  `, depth - 1) : leaves(named, `${indent}  `);
      if (inner.length) lines.push(`${indent}${field.name} {`, ...inner, `${indent}}`);
    }
  }
  return lines;
}

export interface Generated {
  field: string;
  operation: string;
  kind: 'query' | 'mutation' | 'subscription';
  connection: boolean;
  text: string;
}

export function operationsOf(schema: GraphQLSchema): Generated[] {
  const roots: ['query' | 'mutation' | 'subscription', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  const result: Generated[] = [];
  for (const [kind, type] of roots) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const named = getNamedType(field.type);
      if (isInterfaceType(named) || isUnionType(named)) continue; // node(id:): ask for the fields you want
      // An argument with a default takes a nullable variable: left out, the server's default applies.
      const variables = field.args.map(
        (a) =>
          `$${a.name}: ${String(a.defaultValue !== undefined && isNonNullType(a.type) ? a.type.ofType : a.type)}`,
      );
      const args = field.args.map((a) => `${a.name}: $${a.name}`);
      const operation = `${pascal(field.name)}${kind === 'query' ? '' : pascal(kind)}`;
      const body = isLeaf(named)
        ? [`  ${field.name}${args.length ? `(${args.join(', ')})` : ''}`]
        : [
            `  ${field.name}${args.length ? `(${args.join(', ')})` : ''} {`,
            ...selection(
              named as GraphQLObjectType,
              '    ',
              isConnection(named) ? 1 : isListType(getNullableType(field.type)) ? 1 : 2,
            ),
            '  }',
          ];
      const text = [
        `# Generated from schema/schema.graphql by client-sdk/scripts/generate-operations.ts: do not edit.`,
        `${kind} ${operation}${variables.length ? `(${variables.join(', ')})` : ''} {`,
        ...body,
        '}',
        '',
      ].join('\n');
      result.push({ field: field.name, operation, kind, connection: isConnection(named), text });
    }
  }
  return result;
}

/** The file that lists every operation, for the client's methods. */
export function operationsModule(operations: Generated[]): string {
  const group = (kind: string, name: string, about: string, example: string) => {
    const of = operations.filter((op) => op.kind === kind);
    return [
      `/**\n * ${about}\n *\n * @example\n * ${example}\n */`,
      `export const ${name} = {`,
      ...of.map(
        (op) => `  ${op.field}: { document: ${op.operation}Document, connection: ${op.connection} },`,
      ),
      '} as const;',
      '',
    ].join('\n');
  };
  return [
    '// Generated from schema/schema.graphql by client-sdk/scripts/generate-operations.ts: do not edit.',
    `import {\n${operations.map((op) => `  ${op.operation}Document,`).join('\n')}\n} from './graphql.js';`,
    '',
    group(
      'query',
      'queries',
      'Every query of the API, with its generated operation (`connection`: whether it returns a connection).',
      "const { initiative } = await client.request(queries.initiative.document, { code: 'ESMEE' });",
    ),
    group(
      'mutation',
      'mutations',
      'Every mutation of the API, with its generated operation.',
      'console.log(print(mutations.addMilestone.document)); // what client.addMilestone sends',
    ),
    group(
      'subscription',
      'subscriptions',
      'Every subscription of the API, with its generated operation.',
      'client.subscribe(subscriptions.partnerJoined.document, { initiativeId }, { next: console.log });',
    ),
    '/** The typed document of each query, by root field. */',
    "export type QueryDocuments = { [K in keyof typeof queries]: (typeof queries)[K]['document'] };",
    '/** The typed document of each mutation, by root field. */',
    "export type MutationDocuments = { [K in keyof typeof mutations]: (typeof mutations)[K]['document'] };",
    '/** The typed document of each subscription, by root field. */',
    "export type SubscriptionDocuments = { [K in keyof typeof subscriptions]: (typeof subscriptions)[K]['document'] };",
    '',
  ].join('\n');
}

export function readSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('schema/schema.graphql', root), 'utf8'));
}

export { out as OPERATIONS_DIR, generated as GENERATED_DIR };
