import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentWeight } from './document-weight.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** What `count` documents made by `make` hold on the heap, each, once parsed and kept. */
function heldEach(make: (k: number) => string, count = 40): { held: number; weight: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: DocumentNode[] = [];
  for (let k = 0; k < count; k++) kept.push(parse(make(k)));
  gc();
  const held = (process.memoryUsage().heapUsed - before) / count;
  const weight = kept.reduce((sum, d) => sum + documentWeight(d), 0) / count;
  return { held, weight };
}

describe('documentWeight', () => {
  it.each([
    [
      'an alias bomb',
      (k: number) => `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}_${k}: __typename`).join(' ')} }`,
    ],
    [
      'a long list literal',
      (k: number) =>
        `{ evaluationIndicators(years: [${Array.from({ length: 9000 }, (_, i) => 2000 + ((i + k) % 30)).join(' ')}]) { year } }`,
    ],
    ['a run of fields', (k: number) => `{ ${'__typename '.repeat(5000)} x${k} }`],
  ])('estimates %s at no less than it holds, and at most three times that', (_what, make) => {
    const { held, weight } = heldEach(make);
    expect(held).toBeGreaterThan(1_000_000);
    expect(weight).toBeGreaterThanOrEqual(held);
    expect(weight).toBeLessThanOrEqual(held * 3);
  });

  it('weighs a document by its tokens, not by its whitespace and comments', () => {
    const small = parse('{ __typename }');
    const padded = parse(`{ __typename${' '.repeat(50_000)} }`);
    const tokens = parse(`{ ${'__typename '.repeat(1000)} }`);
    expect(documentWeight(padded) - documentWeight(small)).toBe(50_000);
    expect(documentWeight(tokens)).toBeGreaterThan(1000 * 500);
  });
});
