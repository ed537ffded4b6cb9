/**
 * @romgraph/client: the typed client of the romgraph API.
 *
 * @example
 * import { createRomgraphClient } from '@romgraph/client';
 * const client = createRomgraphClient({ url: 'http://localhost:4000/graphql' });
 * const { nodes } = await client.initiatives({ first: 10, filter: { supraRegional: true } });
 */
export {
  createRomgraphClient,
  type Auth,
  type ExecuteOptions,
  type Methods,
  type Paginators,
  type RequestOptions,
  type RomgraphClient,
  type RomgraphClientOptions,
  type RomgraphResponse,
  type SubscriptionSink,
} from './client.js';
export * from './errors.js';
export type { Feed, FeedEvent, FeedHandlers, FeedNotification, FeedOptions } from './feed.js';
export * from './cursor-store.js';
/**
 * The API's generated types and typed documents (GraphQL Code Generator): an input's type, an enum's values,
 * the document of an operation of `schema/operations/`.
 *
 * @example
 * import { graphql } from '@romgraph/client';
 * const input: graphql.AddMilestoneInput = { initiativeId, title: 'Kick-off', dueOn: '2027-03-01' };
 * const answer = await client.request(graphql.Q01RomCollaborationByThemeDocument, { theme: 'AGRI_FOOD' });
 */
export * as graphql from './generated/graphql.js';
export { queries, mutations, subscriptions } from './generated/operations.js';
