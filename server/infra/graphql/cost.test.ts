import 'reflect-metadata';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../schema.js';
import { operationCost, selectedOperation } from './cost.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

// One parsed document per text, as Apollo's document store hands out: the costs below also go through the
// cache of costs by operation and pricing variables.
const parsed = new Map<string, DocumentNode>();

function cost(query: string, variables?: Record<string, unknown>, operationName?: string): number {
  let document = parsed.get(query);
  if (!document) parsed.set(query, (document = parse(query)));
  return operationCost(schema, document, selectedOperation(document, operationName)!, variables, {
    maxCost: 25_000,
    listSize: 20,
  });
}

describe('operationCost', () => {
  it("prices the README's dashboard page at 2,100 objects", () => {
    const dashboard = `{ initiatives(first: 50) { nodes { code lead { code }
      participants(first: 20) { nodes { role organisation { code } } } } } }`;
    // 50 initiatives + 50 leads + 50 x 20 participations + 50 x 20 organisations
    expect(cost(dashboard)).toBe(2_100);
  });

  it('counts a connection by its nodes or edges, with the default page size when `first` is not given', () => {
    expect(cost('{ organisations { totalCount } }')).toBe(0);
    expect(cost('{ organisations { nodes { code } } }')).toBe(20);
    expect(
      cost('{ organisations(first: 7) { edges { cursor node { code } } pageInfo { hasNextPage } } }'),
    ).toBe(7); // the 7 nodes: edges and page info, like the connection itself, are bookkeeping
  });

  it('takes page sizes from variables, and counts out-of-range ones as the most a page can hold', () => {
    const query = 'query ($n: Int) { organisations(first: $n) { nodes { code } } }';
    expect(cost(query, { n: 3 })).toBe(3);
    expect(cost(query, { n: 5000 })).toBe(100);
    expect(cost(query, {})).toBe(20);
    // Not an Int: execution refuses the variables before anything is read.
    expect(cost(query, { n: 'many' })).toBe(0);
    expect(cost(query, { n: 3 })).toBe(3);
    expect(cost(query, { n: 4 })).toBe(4);
  });

  it('multiplies through fragments and inline fragments like through fields', () => {
    const query = `{ initiatives(first: 10) { nodes { ...P } } }
      fragment P on Initiative { ... on Initiative { participants(first: 10) { nodes { organisation { code } } } } }`;
    expect(cost(query)).toBe(10 + 100 + 100);
  });

  it("prices introspection at nothing (it reads no data), so an IDE's introspection query passes", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    expect(cost(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBe(0);
    expect(cost('{ __schema { types { name } } initiatives(first: 3) { nodes { code } } }')).toBe(3);
  });

  it('counts lists without `first` at the assumed list size', () => {
    expect(cost('{ initiatives(first: 2) { nodes { milestones { title } } } }')).toBe(2 + 2 * 20);
  });

  it('prices each member of an abstract type, and skips what @skip and @include leave out', () => {
    expect(
      cost('{ node(id: "x") { ... on Initiative { participants(first: 5) { nodes { role } } } } }'),
    ).toBe(1 + 5);
    expect(cost('{ organisations(first: 9) @skip(if: true) { nodes { code } } }')).toBe(0);
    const skippable =
      'query ($skip: Boolean!) { organisations(first: 9) @skip(if: $skip) { nodes { code } } }';
    expect(cost(skippable, { skip: true })).toBe(0);
    expect(cost(skippable, { skip: false })).toBe(9);
  });

  it('prices the operation asked for by name', () => {
    const document = `query A { organisations(first: 1) { nodes { code } } }
      query B { organisations(first: 9) { nodes { code } } }`;
    expect(cost(document, undefined, 'B')).toBe(9);
  });
});
