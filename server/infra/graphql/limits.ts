/**
 * Validation rules that bound what one operation may ask for. They run on every path (HTTP and WebSocket),
 * because limits that only guard HTTP guard nothing.
 *
 * The shape of a document is measured once, before any other rule looks at it, in time linear in the
 * document: fragments are expanded as execution would expand them, but the walk stops as soon as the
 * expanded operation passes `maxSelections`, so a fragment that spreads another twice, 28 levels down, costs
 * 2,000 steps, not 2^28. A document over a limit is refused there and then: the visitor deletes the document
 * node, which ends the traversal for every rule (graphql-js `visitInParallel`: an edit by one visitor hides the
 * node from the rest). That matters because graphql-js' own OverlappingFieldsCanBeMerged compares fields that
 * merge pairwise and is meant to be stopped by a complexity budget of its own that only runs out after
 * ~200 ms; the measured quantity `comparisons` bounds that work well below it.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface ShapeLimits {
  /** Deepest selection, fragments expanded. */
  maxDepth: number;
  /** Aliased fields in the document. */
  maxAliases: number;
  /** Fields, fragment spreads and inline fragments once fragments are expanded, over all operations. */
  maxSelections: number;
  /**
   * Pairs of selections the standard overlap rule would compare: fields that merge into one response key,
   * and fragments spread into one selection set.
   */
  maxComparisons: number;
  /** Operations in one document. */
  maxOperations: number;
}

/** What a document asks for, as far as the walk went (it stops early once a limit is passed). */
export interface DocumentShape {
  depth: number;
  aliases: number;
  selections: number;
  comparisons: number;
  operations: number;
}

class LimitPassed extends Error {}

/** Measures a document against `limits`; linear in the document (the walk stops when a limit is passed). */
export function measureDocument(document: DocumentNode, limits: ShapeLimits): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const shape: DocumentShape = { depth: 0, aliases: 0, selections: 0, comparisons: 0, operations: 0 };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) shape.operations++;
  }
  shape.aliases = countAliases(document);
  if (shape.operations > limits.maxOperations || shape.aliases > limits.maxAliases) return shape;

  const active = new Set<string>();
  const check = () => {
    if (
      shape.selections > limits.maxSelections ||
      shape.comparisons > limits.maxComparisons ||
      shape.depth > limits.maxDepth
    ) {
      throw new LimitPassed();
    }
  };

  /** Adds the selections of `set` to `groups` by response key, as execution merges them; returns spreads seen. */
  const collect = (set: SelectionSetNode, groups: Map<string, FieldNode[]>, nesting = 0): number => {
    let spreads = 0;
    // Fragments nested in fragments add no field depth, but every walker (the cost estimate's too) recurses
    // through them: past MAX_FRAGMENT_NESTING they count as depth, so a chain of 1,800 is refused, not walked.
    if (nesting > MAX_FRAGMENT_NESTING && nesting > shape.depth) {
      shape.depth = nesting;
      check();
    }
    for (const selection of set.selections) {
      shape.selections++;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = groups.get(key);
        if (group) group.push(selection);
        else groups.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        spreads += collect(selection.selectionSet, groups, nesting + 1);
      } else {
        spreads++;
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown and cyclic fragments are reported by the standard rules.
        if (!fragment || active.has(name)) continue;
        active.add(name);
        spreads += collect(fragment.selectionSet, groups, nesting + 1);
        active.delete(name);
      }
    }
    check();
    return spreads;
  };

  /** Walks the fields that merge into one response key, then their merged children. */
  const walk = (sets: readonly SelectionSetNode[], depth: number): void => {
    if (depth > shape.depth) shape.depth = depth;
    const groups = new Map<string, FieldNode[]>();
    let spreads = 0;
    for (const set of sets) spreads += collect(set, groups);
    shape.comparisons += spreads * spreads;
    for (const fields of groups.values()) {
      shape.comparisons += (fields.length * (fields.length - 1)) / 2;
      const children: SelectionSetNode[] = [];
      for (const field of fields) if (field.selectionSet) children.push(field.selectionSet);
      check();
      // Introspection's `ofType` is one object, not a list, and its chain ends with the schema's wrapping
      // (null after a few): it adds no breadth, so it adds no depth. Every IDE's introspection query nests it
      // seven deep, past any sensible depth limit; the selection limit still bounds the document.
      const name = fields[0]!.name.value;
      if (children.length > 0) walk(children, name === 'ofType' ? depth : depth + 1);
    }
  };

  try {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) walk([definition.selectionSet], 1);
    }
  } catch (err) {
    if (!(err instanceof LimitPassed)) throw err;
  }
  return shape;
}

function countAliases(document: DocumentNode): number {
  let aliases = 0;
  const count = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (selection.selectionSet) count(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count(selection.selectionSet);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      count(definition.selectionSet);
    }
  }
  return aliases;
}

function refusal(message: string, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max },
  });
}

/** The first limit `shape` passes, as the error a caller sees; undefined when it keeps within all. */
export function shapeError(shape: DocumentShape, limits: ShapeLimits): GraphQLError | undefined {
  if (shape.operations > limits.maxOperations) {
    return refusal(
      `the document holds ${shape.operations} operations; at most ${limits.maxOperations} are allowed. Send fewer at a time`,
      'operations',
      limits.maxOperations,
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return refusal(
      `the operation uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`,
      'aliases',
      limits.maxAliases,
    );
  }
  if (shape.depth > limits.maxDepth) {
    return refusal(
      `the operation is more than ${limits.maxDepth} levels deep once its fragments are expanded; at most ${limits.maxDepth} are allowed. Split it into smaller queries`,
      'depth',
      limits.maxDepth,
    );
  }
  if (shape.selections > limits.maxSelections) {
    return refusal(
      `the operation has more than ${limits.maxSelections} selections once its fragments are expanded; at most ${limits.maxSelections} are allowed. Select less, or spread each fragment fewer times`,
      'selections',
      limits.maxSelections,
    );
  }
  if (shape.comparisons > limits.maxComparisons) {
    return refusal(
      `the operation repeats the same fields or fragments too often in one selection set (more than ${limits.maxComparisons} overlapping pairs); select each field once`,
      'comparisons',
      limits.maxComparisons,
    );
  }
  return undefined;
}

/**
 * The shape limits as one validation rule. Put it anywhere in the list: it measures the document when the
 * traversal enters it and, when a limit is passed, reports it and stops every rule from going further.
 */
/** Fragments (inline or spread) nested in one another deeper than this count as depth. */
const MAX_FRAGMENT_NESTING = 100;

/** Brackets nested deeper than this are refused before parsing (graphql-js' parser recurses per bracket). */
export const MAX_NESTING = 200;

/**
 * How deep `{`, `[` and `(` nest in a document's text, outside strings and comments: a parse of a document
 * nested ~2,000 deep exhausts the stack (answered "Maximum call stack size exceeded") within 10,000 tokens.
 * Returns true as soon as `max` is passed.
 */
export function nestsDeeperThan(text: string, max = MAX_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth--;
    } else if (c === 0x23) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x22) {
      if (text.startsWith('"""', i)) {
        // A block string: to its end (an unterminated one is the parser's error to report).
        const end = text.indexOf('"""', i + 3);
        if (end === -1) return false;
        i = end + 2;
      } else {
        // A string: to its closing quote or the end of the line, stepping over escapes.
        for (i++; i < text.length && text.charCodeAt(i) !== 0x22 && text.charCodeAt(i) !== 0x0a; i++)
          if (text.charCodeAt(i) === 0x5c) i++;
      }
    }
  }
  return false;
}

export function shapeLimit(limits: ShapeLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const error = shapeError(measureDocument(node, limits), limits);
      if (!error) return undefined;
      context.reportError(error);
      return null;
    },
  });
}
