// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'client-sdk/dist/',
      'web/dist/',
      'client-sdk/src/generated/',
      'schema/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use named exports: they keep names the same across the codebase.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Read configuration through server/config.ts, the only reader of process.env, so it is validated once.',
        },
      ],
    },
  },
  {
    files: ['server/modules/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z-]+/(?!index\\.js$)',
              message:
                "Reach another module through its index.ts only: that file is the module's public surface, the rest may change.",
            },
          ],
        },
      ],
    },
  },
  {
    // Entities form the database's layer of their own: they reach each other's entity file, never a module's
    // index (which would load its services and GraphQL types into every migration run).
    files: ['server/modules/*/*.entity.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z-]+/(?![a-z-]+\\.entity\\.js$)',
              message:
                "An entity imports another module's entity file only (../<module>/<noun>.entity.js): a module's index loads its services too.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/infra/**/*.ts'],
    // Unit tests may exercise infra against the application's real schema.
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(modules|seed|live|graph)/',
              message:
                'server/infra is the bottom layer: it knows no module. Take what it needs as a parameter or a generic type, or move the shared word into server/vocabulary.ts.',
            },
            {
              regex: '^(\\.\\./)+(app|main|schema|entities|data-source|config)\\.js$',
              message:
                'server/infra is the bottom layer: the lists of every module (entities, services, resolvers) and the app live above it and hand it what it needs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/graph/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(modules|seed|live)/',
              message:
                'server/graph is the network engine under the modules: it knows facts, not GraphQL types or services. Put GraphQL in server/modules/graph and hand the engine what it needs.',
            },
            {
              regex: '^(\\.\\./)+(app|main|schema|entities|data-source|config)\\.js$',
              message:
                'server/graph sits under the app: the app hands it the database and the event batches.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/config.ts', 'scripts/**', 'bench/**', 'test/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
