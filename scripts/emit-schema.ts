/**
 * npm run schema:emit    writes schema/schema.graphql from the code
 * npm run schema:check   exits 1 when the committed schema/schema.graphql differs from the code (CI)
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../server/schema.js';

const file = new URL('../schema/schema.graphql', import.meta.url);
const header = '# Emitted by `npm run schema:emit` from the code in server/. Do not edit by hand.\n\n';
const printed = header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';

if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error('[schema] schema/schema.graphql is stale: run `npm run schema:emit` and commit the result');
    process.exit(1);
  }
  console.log('[schema] schema/schema.graphql matches the code');
} else {
  await writeFile(file, printed);
  console.log('[schema] wrote schema/schema.graphql');
}
