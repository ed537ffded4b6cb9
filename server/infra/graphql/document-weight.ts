/**
 * What a parsed document costs to keep, for the caches that keep them (Apollo's document store on HTTP, the
 * WebSocket's document cache). Bounding those by entries alone let 1,000 valid documents of 60 kB each hold
 * hundreds of MiB: what a document holds on the heap follows its tokens, not its text or its count. graphql-js
 * keeps every token (each node's `loc` points into the doubly linked list of tokens, which holds them all), and
 * each token comes with the nodes built from it: measured on Node 20, 260-530 bytes per token for alias bombs,
 * long lists and runs of fields alike (a document of 9,000 tokens holds ~2.5 MB), against the ~1 byte per
 * character of its text that the cache key holds.
 */
import type { DocumentNode } from 'graphql';

/** Heap per token, the high end of what was measured (see above): estimates err on the side of too much. */
const BYTES_PER_TOKEN = 600;

/** Estimated bytes a cached document holds: its text (a key, and its source) and its tokens with their nodes. */
export function documentWeight(document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return (document.loc?.source.body.length ?? 0) + tokens * BYTES_PER_TOKEN;
}

/** Heap the HTTP document store may hold (Apollo's default is 30 MiB of JSON, some 110 MiB of heap). */
export const HTTP_DOCUMENTS_BYTES = 32 * 1024 * 1024;
/** Heap the WebSocket's document cache may hold. */
export const WS_DOCUMENTS_BYTES = 16 * 1024 * 1024;
/**
 * The largest one document may weigh to be kept: an eighth of a cache, so that one hostile document does not
 * push out what every dashboard sends (~300 tokens, 180 kB by this estimate), and sending it again costs its
 * sender the parse.
 */
export const largestCachedDocument = (budget: number) => budget / 8;
