/**
 * npm run documents:emit [-- --check]
 *
 * Registers the trusted documents: every operation the SDK sends (its generated documents) and every one the
 * dashboard sends (web/src/api.ts), by the SHA-256 of its exact text, in schema/trusted-documents.json, in
 * the format of Apollo's persisted query manifests. A server with TRUSTED_DOCUMENTS=all (or an API key created
 * with trustedDocumentsOnly) accepts only these. With `--check` it writes nothing and exits 1 when the file
 * is not what the sources give (CI drift check). Run under web/tsconfig.json, whose paths resolve
 * `@romgraph/client` to the SDK's sources.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import * as generated from '../client-sdk/src/generated/graphql.js';

// Loaded by path: the module is the browser app's (bundler resolution, DOM types), checked by its own tsconfig.
const { DOCUMENTS } = (await import(fileURLToPath(new URL('../web/src/api.ts', import.meta.url)))) as {
  DOCUMENTS: unknown[];
};

const FILE = fileURLToPath(new URL('../schema/trusted-documents.json', import.meta.url));

interface Operation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

const texts = [
  ...Object.entries(generated)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => String(document)),
  ...DOCUMENTS.map(String),
];
const operations = new Map<string, Operation>();
for (const body of texts) {
  const definitions = parse(body).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (definitions.length !== 1 || !definitions[0]!.name) {
    console.error(`[documents] every trusted document is one named operation; this is not:\n${body}`);
    process.exit(1);
  }
  const id = createHash('sha256').update(body, 'utf8').digest('hex');
  operations.set(id, { id, name: definitions[0]!.name.value, type: definitions[0]!.operation, body });
}
const manifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [...operations.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  ),
};
const text = `${JSON.stringify(manifest, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // Missing: drift as well.
  }
  if (current !== text) {
    console.error(
      '[documents] schema/trusted-documents.json is not what the SDK and the dashboard send: run `npm run documents:emit` and commit it',
    );
    process.exit(1);
  }
  console.log(`[documents] schema/trusted-documents.json is current (${operations.size} documents)`);
} else {
  writeFileSync(FILE, text);
  console.log(`[documents] wrote schema/trusted-documents.json: ${operations.size} documents`);
}
