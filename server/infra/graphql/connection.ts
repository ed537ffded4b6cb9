/**
 * Relay connections with keyset cursors. A cursor is opaque: base64url of the JSON sort key of the row it
 * stands for, so paging stays stable while rows are added, and costs an index seek rather than an OFFSET.
 */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

export interface PageRequest {
  /** Rows wanted (1..100). */
  first: number;
  /** Decoded sort key of the row to start after, or null for the start. */
  after: unknown[] | null;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What one position of a sort key holds. A cursor is opaque but not signed, so each value is checked against
 * the column it will be compared with: a forged one must be the caller's error, not a failed statement.
 * `int`: a serial id (0..2147483647); `bigint`: the event log's seq, as digits; `text`: a code.
 */
export type CursorKind = 'int' | 'bigint' | 'text';

const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;
/** Longer than any code; a longer text key cannot come from this server. */
const MAX_TEXT_KEY = 300;

function fitsKind(value: unknown, kind: CursorKind): boolean {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= INT4_MAX;
    case 'bigint':
      if (Number.isSafeInteger(value)) return (value as number) >= 0;
      return typeof value === 'string' && /^[0-9]{1,19}$/.test(value) && BigInt(value) <= INT8_MAX;
    case 'text':
      // PostgreSQL text cannot hold U+0000.
      return typeof value === 'string' && value.length <= MAX_TEXT_KEY && !value.includes('\u0000');
  }
}

export function decodeCursor(cursor: string, kinds: readonly CursorKind[], argument = 'after'): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === kinds.length &&
      value.every((v, i) => fitsKind(v, kinds[i]!))
    ) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(
    `${argument} is not a cursor from this list; pass an endCursor or edge cursor you received`,
    argument,
  );
}

/**
 * Validates `first`/`after` the same way for every connection.
 * @param kinds what each position of the list's sort key holds (one per ORDER BY column).
 */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  kinds: readonly CursorKind[],
): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after, kinds) : null };
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page: continue after it.' })
  after?: string | null;
}

export interface Page<T> {
  readonly edges: { cursor: string; node: T }[];
  nodes: T[];
  readonly pageInfo: PageInfo;
  /** Counted only when read: a getter, so the count query runs only when the field is selected. */
  readonly totalCount: Promise<number>;
}

/** Builds a page from `first + 1` fetched rows. */
export function toPage<T>(
  rows: T[],
  request: PageRequest,
  keyOf: (row: T) => unknown[],
  count: () => Promise<number>,
): Page<T> {
  const hasNextPage = rows.length > request.first;
  const nodes = hasNextPage ? rows.slice(0, request.first) : rows;
  const last = nodes.at(-1);
  let edges: { cursor: string; node: T }[] | undefined;
  let counted: Promise<number> | undefined;
  // edges and totalCount are getters: built only when a query selects them (most pages only want nodes).
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })));
    },
    nodes,
    get pageInfo() {
      return { hasNextPage, endCursor: last === undefined ? null : encodeCursor(keyOf(last)) };
    },
    get totalCount() {
      return (counted ??= count());
    },
  };
}

/**
 * One page per key from the rows of a batched statement that fetched `first + 1` rows per key (a DataLoader
 * batch): `ownerOf` says whose page a row is on, `nodeOf` what it shows, `count` each key's totalCount.
 */
export function pagesByKey<K, R, T>(
  keys: readonly K[],
  rows: readonly R[],
  ownerOf: (row: R) => K,
  nodeOf: (row: R) => T,
  request: PageRequest,
  keyOf: (node: T) => unknown[],
  count: (key: K) => Promise<number>,
): Page<T>[] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const owner = ownerOf(row);
    let group = groups.get(owner);
    if (!group) groups.set(owner, (group = []));
    group.push(nodeOf(row));
  }
  return keys.map((key) => toPage(groups.get(key) ?? [], request, keyOf, () => count(key)));
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue after this node.' })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} nodes (Relay connection).` })
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for callers that need no cursors.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching nodes, across pages.' })
    totalCount: number;
  }
  return Connection;
}
