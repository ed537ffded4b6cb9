/**
 * Where a feed keeps the cursor of the last event it delivered, so that it resumes there after a disconnect or a
 * restart of your process. In memory by default; `fileCursorStore` (from `@romgraph/client/node`) keeps it in a
 * file, written atomically.
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
