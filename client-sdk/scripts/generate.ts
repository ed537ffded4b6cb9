/**
 * npm run sdk:generate: the SDK's generated files from the committed schema/schema.graphql.
 *
 * 1. One named operation per root field in client-sdk/operations/ (generate-operations.ts says what each
 *    selects), and their list in src/generated/operations.ts.
 * 2. GraphQL Code Generator (codegen.ts): the API's types and a typed document node for every operation there
 *    and in schema/operations/, in src/generated/graphql.ts.
 *
 * `--check` writes nothing: it generates everything in memory and fails, naming the files, when what is
 * committed differs (CI runs it, so a schema change without `npm run sdk:generate` does not land).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import { codegenConfig as config } from '../codegen.js';
import {
  GENERATED_DIR,
  OPERATIONS_DIR,
  operationsModule,
  operationsOf,
  readSchema,
} from './generate-operations.js';

const check = process.argv.includes('--check');
const sdk = fileURLToPath(new URL('..', import.meta.url));
const operationsDir = fileURLToPath(OPERATIONS_DIR);
const generatedDir = fileURLToPath(GENERATED_DIR);

async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

const operations = operationsOf(readSchema());
const files = new Map<string, string>();
for (const op of operations) {
  const file = path.join(operationsDir, `${op.field}.${op.kind}.graphql`);
  files.set(file, await formatted(file, op.text));
}
const listFile = path.join(generatedDir, 'operations.ts');
files.set(listFile, await formatted(listFile, operationsModule(operations)));

// Code Generator reads the operations from disk: in check mode, from a scratch copy.
// Beside operations/ and named so that it sorts where operations/ does: Code Generator orders documents by path.
const scratch = check ? mkdtempSync(path.join(sdk, 'operations.check-')) : null;
const documentsDir = scratch ?? operationsDir;
if (!check) rmSync(operationsDir, { recursive: true, force: true });
mkdirSync(documentsDir, { recursive: true });
for (const [file, text] of files) {
  if (file.startsWith(operationsDir)) writeFileSync(path.join(documentsDir, path.basename(file)), text);
}
const typesFile = path.join(generatedDir, 'graphql.ts');
const previous = process.cwd();
process.chdir(sdk);
try {
  const [output] = (await generate(
    {
      ...config,
      documents: [
        path.join(documentsDir, '*.graphql'),
        'documents/*.graphql',
        '../schema/operations/**/*.graphql',
      ],
      hooks: {},
      silent: true,
      // The plugins as this script resolves them (the CLI's own loader looks beside the CLI).
      pluginLoader: (name: string) => import(name),
    },
    false,
  )) as { filename: string; content: string }[];
  files.set(typesFile, await formatted(typesFile, output!.content));
} finally {
  process.chdir(previous);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

if (check) {
  const stale = [...files].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
  const extra = readdirSync(operationsDir)
    .map((f) => path.join(operationsDir, f))
    .filter((f) => !files.has(f));
  if (stale.length || extra.length) {
    for (const [file] of stale) console.error(`[sdk] stale: ${path.relative(process.cwd(), file)}`);
    for (const file of extra) console.error(`[sdk] not generated: ${path.relative(process.cwd(), file)}`);
    console.error(
      '[sdk] the generated SDK files do not match schema/schema.graphql: run npm run sdk:generate',
    );
    process.exit(1);
  }
  console.log(`[sdk] the generated files match the schema (${operations.length} operations)`);
} else {
  mkdirSync(generatedDir, { recursive: true });
  for (const [file, text] of files) writeFileSync(file, text);
  console.log(`[sdk] ${operations.length} operations and their types written`);
}
