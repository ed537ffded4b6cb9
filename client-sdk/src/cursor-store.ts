/**
 * Where a feed keeps the cursor of the last event it delivered, so that it resumes there after a disconnect or a
 * restart of your process. In memory by default; `fileCursorStore` (from `@romgraph/client/node`) keeps it in a
 * file, written atomically.
 *
 * @example
 * // One of your own, in a database table: save in the transaction that handles the event.
 * const store: CursorStore = {
 *   load: async () => (await db.one('SELECT cursor FROM feed_state WHERE id = 1'))?.cursor ?? null,
 *   save: (cursor) => db.none('UPDATE feed_state SET cursor = $1 WHERE id = 1', [cursor]),
 * };
 */
export interface CursorStore {
  /** The last cursor saved, or null for none. */
  load(): string | null | Promise<string | null>;
  /** Called after each event your handler has processed. */
  save(cursor: string): void | Promise<void>;
}

/**
 * A cursor kept in memory: lost with the process.
 *
 * @example
 * const feed = client.events({}, { next: console.log }, { cursorStore: memoryCursorStore() });
 */
export function memoryCursorStore(initial: string | null = null): CursorStore {
  let cursor = initial;
  return {
    load: () => cursor,
    save: (value) => {
      cursor = value;
    },
  };
}
