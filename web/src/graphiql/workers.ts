/**
 * Monaco's workers (the editor's, JSON for variables and headers, GraphQL for completion and diagnostics), set up
 * in our own source: Vite's worker plugin handles `?worker` imports here, in a build and in the dev server alike.
 * (graphiql's `setup-workers/vite` does the same from inside node_modules, where the dev server's dependency
 * optimizer cannot load them.)
 */
import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as typeof globalThis & { MonacoEnvironment: Environment }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
