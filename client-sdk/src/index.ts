/**
 * @romgraph/client: the typed client of the romgraph API.
 *
 * @example
 * import { createRomgraphClient } from '@romgraph/client';
 * const client = createRomgraphClient({ url: 'http://localhost:4000/graphql' });
 * const { nodes } = await client.initiatives({ first: 10, filter: { supraRegional: true } });
 */
export * from './client.js';
export * from './errors.js';
export * from './feed.js';
export * from './cursor-store.js';
export * as graphql from './generated/graphql.js';
export { queries, mutations, subscriptions } from './generated/operations.js';
