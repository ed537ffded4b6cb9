/**
 * The dashboard's GraphQL documents (web/src/api.ts) against the committed schema: a schema change that would
 * break a view fails here, before any browser runs.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
// Loaded by path: the module is the browser app's (bundler resolution, DOM types), checked by its own tsconfig.
const api = (await import(fileURLToPath(new URL('../../web/src/api.ts', import.meta.url)))) as {
  DOCUMENTS: unknown[];
} & Record<string, unknown>;
const texts: string[] = api.DOCUMENTS.map(String);

describe("the dashboard's documents", () => {
  it('are every document the module exports', () => {
    const exported = Object.entries(api).filter(([name]) => name.endsWith('Document'));
    expect(exported.length).toBeGreaterThanOrEqual(10);
    expect(new Set(texts)).toEqual(new Set(exported.map(([, d]) => String(d))));
  });

  it.each(
    texts.map((text) => [/(?:query|mutation|subscription) (\w+)/.exec(text)?.[1] ?? '?', text] as const),
  )('%s is valid against schema/schema.graphql', (name: string, text: string) => {
    expect(name).toMatch(/^Dashboard/);
    expect(validate(schema, parse(text)).map((e) => e.message)).toEqual([]);
  });
});
