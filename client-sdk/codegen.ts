/**
 * GraphQL Code Generator: the API's types and one typed document node per operation, from the committed schema
 * and the named operations (the generated ones in operations/, and the examples and questions of
 * schema/operations/). `npm run sdk:generate` (scripts/generate.ts) runs it, and formats what it writes.
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
      },
    },
  },
};
