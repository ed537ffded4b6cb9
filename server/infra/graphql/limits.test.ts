import 'reflect-metadata';
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../schema.js';
import { MAX_NESTING, measureDocument, nestsDeeperThan, shapeLimit, type ShapeLimits } from './limits.js';

const LIMITS: ShapeLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxSelections: 2000,
  maxComparisons: 20_000,
  maxOperations: 50,
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** A small seeded PRNG (mulberry32), so a failure names a document that can be made again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random document of about `tokens` tokens over the real schema: nested selections, aliases, inline
 * fragments, named fragments spread once or several times (chains of them, like the fragment bomb), and the
 * same field repeated. Not every document is valid; validation must be fast either way.
 */
function generate(seed: number, tokens: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let budget = tokens;
  const fragments: { name: string; type: GraphQLObjectType; body: string }[] = [];

  const selection = (type: GraphQLObjectType, depth: number): string => {
    const parts: string[] = [];
    const width = 1 + Math.floor(next() * 6);
    for (let i = 0; i < width && budget > 0; i++) {
      const roll = next();
      const sameType = fragments.filter((f) => f.type === type);
      if (roll < 0.15 && sameType.length > 0) {
        const fragment = pick(sameType);
        const times = next() < 0.3 ? 2 + Math.floor(next() * 3) : 1;
        for (let t = 0; t < times; t++) parts.push(`...${fragment.name}`);
        budget -= 2 * times;
        continue;
      }
      if (roll < 0.22) {
        budget -= 4;
        parts.push(`... on ${type.name} { ${selection(type, depth + 1)} }`);
        continue;
      }
      const field = pick(Object.values(type.getFields()));
      const alias = next() < 0.05 ? `a${Math.floor(next() * 40)}: ` : '';
      const repeat = next() < 0.05 ? 2 + Math.floor(next() * 20) : 1;
      const named = getNamedType(field.type);
      const args = field.args.some((a) => a.name === 'first')
        ? `(first: ${1 + Math.floor(next() * 100)})`
        : '';
      for (let r = 0; r < repeat && budget > 0; r++) {
        budget -= 2 + (args ? 5 : 0) + (alias ? 2 : 0);
        if (isObjectType(named) && depth < 16)
          parts.push(`${alias}${field.name}${args} { ${selection(named, depth + 1)} }`);
        else if (!isCompositeType(named)) parts.push(`${alias}${field.name}`);
        else parts.push('__typename');
      }
    }
    return parts.length > 0 ? parts.join(' ') : '__typename';
  };

  const types = Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType =>
      isObjectType(t) && !t.name.startsWith('__') && !['Mutation', 'Subscription'].includes(t.name),
  );
  const fragmentCount = Math.floor(next() * 30);
  for (let i = 0; i < fragmentCount && budget > tokens / 3; i++) {
    const type = pick(types);
    // Fragments defined later may spread earlier ones: chains, some spread more than once.
    fragments.push({ name: `F${i}`, type, body: selection(type, 0) });
    budget -= 5;
  }
  const query = schema.getQueryType()!;
  let operation = '';
  while (budget > 0) operation += ` ${selection(query, 0)}`;
  return [
    `{ ${operation} }`,
    ...fragments.map((f) => `fragment ${f.name} on ${f.type.name} { ${f.body} }`),
  ].join('\n');
}

/** Validation as the server runs it, best of three runs (the fastest is the least disturbed). */
function validationMs(document: DocumentNode): number {
  const rules = [...specifiedRules, shapeLimit(LIMITS)];
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const began = performance.now();
    validate(schema, document, rules);
    best = Math.min(best, performance.now() - began);
  }
  return best;
}

describe('shape limits', () => {
  it('expand fragments the way execution does, stopping at the selection limit', () => {
    let bomb = '{ ...B0 }';
    for (let i = 0; i < 28; i++)
      bomb += ` fragment B${i} on Query { ${i < 27 ? `...B${i + 1} ...B${i + 1} ` : ''}viewer { role } }`;
    const shape = measureDocument(parse(bomb), LIMITS);
    expect(shape.selections).toBeGreaterThan(LIMITS.maxSelections);
    expect(shape.selections).toBeLessThan(LIMITS.maxSelections + 100);

    const merged = measureDocument(
      parse('{ ...A ...A viewer { role } } fragment A on Query { viewer { role organisation { code } } }'),
      LIMITS,
    );
    // 2 spreads in the root set (4 pairs); viewer x 3 merge into one key (3), role x 3 (3), organisation x 2
    // (1), code x 2 (1). Selections: 3 at the root, 2 x 1 from A, then 5 under viewer and 2 under organisation.
    expect(merged).toMatchObject({ depth: 3, comparisons: 4 + 3 + 3 + 1 + 1, selections: 3 + 2 + 5 + 2 });
  });

  it('keep validation time linear in the size of generated documents', () => {
    const sizes = [250, 500, 1000, 2000, 4000, 8000];
    const perSize = sizes.map((tokens) => {
      let worst = 0;
      let worstSeed = 0;
      let bytes = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const text = generate(tokens * 1000 + seed, tokens);
        let document: DocumentNode;
        try {
          document = parse(text, { maxTokens: 10_000 });
        } catch {
          continue; // over the server's token limit: refused before validation
        }
        bytes = Math.max(bytes, text.length);
        const ms = validationMs(document);
        if (ms > worst) {
          worst = ms;
          worstSeed = tokens * 1000 + seed;
        }
      }
      return { tokens, bytes, worst, worstSeed };
    });
    for (const { tokens, worst, worstSeed } of perSize) {
      // The event loop is never held for long, whatever the document (seed given to make it again).
      expect(worst, `tokens ${tokens}, seed ${worstSeed}`).toBeLessThan(100);
    }
    // Time per token of the largest documents stays within a small factor of the small ones' (plus a
    // floor for timer noise): linear, not quadratic or exponential.
    const small = perSize.find((s) => s.tokens === 500)!;
    const large = perSize.at(-1)!;
    const perTokenSmall = Math.max(small.worst, 0.5) / small.tokens;
    const perTokenLarge = large.worst / large.tokens;
    console.info(`[limits] worst validation ms by size: ${JSON.stringify(perSize)}`);
    expect(perTokenLarge, JSON.stringify(perSize)).toBeLessThan(perTokenSmall * 4);
  });
});

describe('introspection and the depth limit', () => {
  const errorsOf = (text: string) =>
    validate(schema, parse(text), [...specifiedRules, shapeLimit(LIMITS)]).map((e) => e.message);

  it("lets an IDE's introspection query through: its ofType chain adds no breadth", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    expect(errorsOf(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toEqual([]);
  });

  it('still refuses introspection that nests lists too deep', () => {
    let type = '{ name }';
    for (let i = 0; i < 6; i++) type = `{ fields { type ${type} } }`;
    expect(errorsOf(`{ __schema { types ${type} } }`).join()).toMatch(/levels deep/);
  });

  it("keeps graphql-js's introspection depth rule, which bounds what introspection can return", () => {
    expect(
      errorsOf('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
    ).toEqual(['Maximum introspection depth exceeded']);
  });
});

describe('nesting before parsing', () => {
  const nested = (n: number) => `{ organisation(code: ${'['.repeat(n)}"x"${']'.repeat(n)}) { code } }`;

  it('finds brackets nested past the limit, and ignores those in strings and comments', () => {
    expect(nestsDeeperThan(nested(MAX_NESTING - 2))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_NESTING))).toBe(true);
    const quoted = '['.repeat(MAX_NESTING + 1);
    expect(nestsDeeperThan(`{ a(s: "${quoted}") }`)).toBe(false);
    expect(nestsDeeperThan(`{ a(s: """${quoted}""") }`)).toBe(false);
    expect(nestsDeeperThan(`# ${quoted}\n{ a }`)).toBe(false);
    expect(nestsDeeperThan(`{ a(s: "\\"${quoted}") }`)).toBe(false);
    // The parser itself would overflow its stack near 2,000 levels: the check answers first.
    expect(nestsDeeperThan(nested(2_500))).toBe(true);
  });

  it('takes time linear in the text: 100 kB of brackets and strings in a few milliseconds', () => {
    const text = `{ ${'a(s: "[[[[") { '.repeat(150)}b${' }'.repeat(150)} }`.repeat(20).slice(0, 100_000);
    const started = performance.now();
    for (let i = 0; i < 10; i++) nestsDeeperThan(text);
    // Generous for a loaded CI machine; a quadratic scan of 100 kB would take seconds.
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
