/**
 * GraphQL Code Generator: the API's types and one typed document per operation, from the committed schema and
 * the named operations (the generated ones in operations/, and the examples and questions of schema/operations/).
 * `npm run sdk:generate` (scripts/generate.ts) runs it, and formats what it writes.
 *
 * Documents are typed strings (`documentMode: 'string'`), not syntax trees: the client sends text anyway, and the
 * trees of every operation were 161 of a browser bundle's 194 kB (minified; as strings the bundle is 103 kB, and
 * about 16 kB gzipped either way), all parsed by the browser on load.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const codegenConfig: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['operations/*.graphql', 'documents/*.graphql', '../schema/operations/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          ID: 'string',
          Date: 'string',
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
        strictScalars: true,
        dedupeFragments: true,
        documentMode: 'string',
      },
    },
  },
};
